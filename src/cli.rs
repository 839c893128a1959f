//! The command line: a thin layer that parses flags, calls the pipeline and prints reports.
//! Every flag is defined once, in a shared argument group, and flattened where it is used.

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use vbqppl::check::{Config, RuleId, Severity};
use vbqppl::extract::TextLayer;
use vbqppl::index::{parse_filter, IndexOptions, SearchRequest, SortOrder};
use vbqppl::parse::{DocType, Level};
use vbqppl::pipeline::{self, DocReport, Isolation, Options, Progress};
use vbqppl::report::{self, Style, Summary};
use vbqppl::review::{self, Gate, ReviewStore};

const DEFAULT_CORPUS: &str = "corpus";
const DEFAULT_INDEX: &str = "index";

#[derive(Parser)]
#[command(
    name = "vbqppl",
    version,
    about = "Đọc, kiểm tra và tra cứu văn bản quy phạm pháp luật (VBQPPL)"
)]
#[command(
    long_about = "Extract, check and search Vietnamese legal normative documents (VBQPPL).\n\
With no subcommand, runs `vbqppl run`: reads corpus/, checks every document and writes the index to index/."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// The main job: extract, check and index every document under the inputs, then summarize.
    Run(RunArgs),
    /// Extract the text (and the parsed model) of documents.
    Extract(ExtractArgs),
    /// Check documents against the rules of RULES.md; exit 1 when something at or above --fail-on is found.
    Check(CheckArgs),
    /// Add documents to the search index (incremental: unchanged files are skipped).
    Index(IndexArgs),
    /// Search the index.
    Search(SearchArgs),
    /// Serve the reviewers' web page over the index.
    Serve(ServeArgs),
    /// Export the index as one JSON document per line (for Quickwit, OpenSearch...).
    Export(ExportArgs),
    /// List the rules the checker implements, with their legal basis per period.
    Rules(RulesArgs),
    /// Write the inspection report (XLSX, DOCX, CSV or HTML) of a batch, with reviewers' decisions.
    Report(ReportArgs),
    /// Record or list reviewers' decisions on findings (the review file).
    #[command(subcommand)]
    Review(ReviewCommand),
}

#[derive(Args, Clone)]
struct JobsArg {
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Args, Clone)]
struct IndexDirArg {
    /// Index folder.
    #[arg(long, value_name = "DIR", default_value = DEFAULT_INDEX)]
    index: PathBuf,
}

#[derive(Args, Clone)]
struct CheckOptionsArg {
    /// Judge "in force" at this date (YYYY-MM-DD), default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// TOML file that disables rules or changes severities.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(flatten)]
    isolation: IsolationArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum IsolationKind {
    /// A worker process per thread, memory-capped, killed when it overruns (Linux).
    Process,
    /// A thread per document: no memory cap, an overrunning thread is abandoned.
    Thread,
}

impl IsolationKind {
    const DEFAULT: IsolationKind = if Isolation::PROCESS_SUPPORTED {
        IsolationKind::Process
    } else {
        IsolationKind::Thread
    };
}

/// How each document is kept from taking the batch down with it.
#[derive(Args, Clone)]
struct IsolationArgs {
    /// Seconds allowed to read one document before it is reported unreadable.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    doc_timeout: u64,
    /// Where each document is read: a worker process (default on Linux) or a thread.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = IsolationKind::DEFAULT)]
    isolation: IsolationKind,
    /// Memory (MiB) one document may use in a worker process before it is reported unreadable.
    #[arg(long, value_name = "MIB", default_value_t = Isolation::DEFAULT_MEMORY_MIB)]
    doc_memory_mib: u64,
}

impl IsolationArgs {
    fn apply(&self, limits: &mut vbqppl::extract::Limits) -> Isolation {
        limits.time = Duration::from_secs(self.doc_timeout.max(1));
        match self.isolation {
            IsolationKind::Thread => Isolation::Thread,
            IsolationKind::Process => Isolation::Process {
                memory_mib: self.doc_memory_mib.max(1),
            },
        }
    }
}

/// What `run` and `index` share: where the index is, how to build it, how to check.
#[derive(Args, Clone)]
struct IndexingArgs {
    #[command(flatten)]
    index: IndexDirArg,
    /// Start the index over instead of updating it.
    #[arg(long)]
    rebuild: bool,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    check: CheckOptionsArg,
}

#[derive(Args)]
struct RunArgs {
    /// Files or folders (default: corpus/).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    indexing: IndexingArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Args)]
struct ExtractArgs {
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    format: ExtractFormat,
    /// Write one .txt or .json per input into this folder instead of stdout.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    isolation: IsolationArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

#[derive(Args)]
struct RulesArgs {
    /// Show the basis of the period of this date (YYYY-MM-DD) and the rules that do not run then.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<chrono::NaiveDate>,
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

#[derive(Args)]
struct CheckArgs {
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    format: CheckFormat,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Exit 0 even when some files could not be checked (unreadable, scans, not legal documents).
    #[arg(long)]
    allow_unchecked: bool,
    #[command(flatten)]
    confidence: MinConfidenceArg,
    /// Show only findings that no reviewer has decided on (the gate of a batch reviewed before).
    #[arg(long)]
    new_only: bool,
    #[command(flatten)]
    review: ReviewFileArg,
    #[command(flatten)]
    check: CheckOptionsArg,
    #[command(flatten)]
    jobs: JobsArg,
}

/// The confidence below which `check` and `report` leave findings out.
#[derive(Args, Clone)]
struct MinConfidenceArg {
    /// Report only findings at or above this confidence (high, medium, low).
    #[arg(long, value_name = "LEVEL", default_value = "low")]
    min_confidence: vbqppl::check::Confidence,
}

/// Which review file `check` and `report` read.
#[derive(Args, Clone)]
struct ReviewFileArg {
    /// Review file with reviewers' decisions (default: vbqppl-review.toml beside the inputs, if present).
    #[arg(long, value_name = "FILE", conflicts_with = "no_review")]
    review: Option<PathBuf>,
    /// Ignore any review file.
    #[arg(long)]
    no_review: bool,
}

impl ReviewFileArg {
    /// The store to apply: the named file (which must exist), else the default file beside
    /// `beside` when it exists, else none.
    fn load(&self, beside: &[PathBuf]) -> Result<Option<ReviewStore>> {
        if self.no_review {
            return Ok(None);
        }
        let path = match &self.review {
            Some(p) => {
                if !p.is_file() {
                    bail!("{}: cannot read review file: no such file", p.display());
                }
                p.clone()
            }
            None => {
                let p = review::default_path(beside);
                if !p.is_file() {
                    return Ok(None);
                }
                p
            }
        };
        let store = ReviewStore::load(&path)?;
        eprintln!("rà soát: {} quyết định từ {}", store.len(), path.display());
        Ok(Some(store))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormatArg {
    Xlsx,
    Docx,
    Csv,
    Html,
}

#[derive(Args)]
struct ReportArgs {
    /// Files or folders to check (or --from-json).
    #[arg(
        value_name = "INPUT",
        required_unless_present = "from_json",
        conflicts_with = "from_json"
    )]
    inputs: Vec<PathBuf>,
    /// Render an earlier `check --format json` report instead of checking again.
    #[arg(long, value_name = "REPORT.json")]
    from_json: Option<PathBuf>,
    /// Output file; the format follows its extension unless --format is given.
    #[arg(long, short = 'o', value_name = "FILE")]
    out: PathBuf,
    #[arg(long, value_enum)]
    format: Option<ReportFormatArg>,
    /// Title of the report.
    #[arg(long, default_value = report::inspection::DEFAULT_TITLE)]
    title: String,
    /// Period inspected, FROM..TO (YYYY-MM-DD..YYYY-MM-DD).
    #[arg(long, value_name = "FROM..TO", value_parser = report::inspection::parse_period)]
    period: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// The inspecting body (e.g. "Sở Tư pháp tỉnh Bình An").
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    /// Date of the report (default today); also picks the law the proposed handling follows.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<chrono::NaiveDate>,
    #[command(flatten)]
    confidence: MinConfidenceArg,
    #[command(flatten)]
    review: ReviewFileArg,
    #[command(flatten)]
    check: CheckOptionsArg,
    #[command(flatten)]
    jobs: JobsArg,
}

#[derive(Subcommand)]
enum ReviewCommand {
    /// Record a decision on one or more findings (fingerprints from the reports).
    Set(ReviewSetArgs),
    /// Forget the decision on one or more findings.
    Unset(ReviewUnsetArgs),
    /// List the decisions of the review file.
    List(ReviewListArgs),
}

#[derive(Args)]
struct ReviewStoreArg {
    /// Review file (created when missing).
    #[arg(long, value_name = "FILE", default_value = review::DEFAULT_FILE)]
    review: PathBuf,
}

#[derive(Args)]
struct ReviewSetArgs {
    #[arg(value_name = "FINGERPRINT", required = true, value_parser = parse_fingerprint)]
    fingerprints: Vec<review::Fingerprint>,
    /// confirmed (a real defect), dismissed (not a defect) or fixed.
    #[arg(long, value_parser = parse_review_status)]
    status: review::ReviewStatus,
    #[arg(long)]
    note: Option<String>,
    /// Proposed handling that replaces the rule's default in reports.
    #[arg(long)]
    handling: Option<String>,
    /// Who decides (default: $USER).
    #[arg(long)]
    by: Option<String>,
    /// A `check --format json` report holding the findings: each fingerprint must be in it, and
    /// the decision records the document and excerpt for people reading the review file.
    #[arg(long, value_name = "REPORT.json")]
    report: Option<PathBuf>,
    #[command(flatten)]
    store: ReviewStoreArg,
}

#[derive(Args)]
struct ReviewUnsetArgs {
    #[arg(value_name = "FINGERPRINT", required = true, value_parser = parse_fingerprint)]
    fingerprints: Vec<review::Fingerprint>,
    #[command(flatten)]
    store: ReviewStoreArg,
}

#[derive(Args)]
struct ReviewListArgs {
    #[arg(long, value_enum, default_value = "human")]
    format: RulesFormat,
    #[command(flatten)]
    store: ReviewStoreArg,
}

fn parse_fingerprint(s: &str) -> Result<review::Fingerprint, String> {
    s.parse()
        .map_err(|e: review::FingerprintError| e.to_string())
}

fn parse_review_status(s: &str) -> Result<review::ReviewStatus, String> {
    s.parse()
}

#[derive(Args)]
struct IndexArgs {
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    indexing: IndexingArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum SearchFormat {
    Human,
    Json,
}

#[derive(Args)]
struct SearchArgs {
    query: String,
    #[command(flatten)]
    index: IndexDirArg,
    #[arg(long, value_enum, default_value = "human")]
    format: SearchFormat,
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Document type: key (nghi_dinh), name with or without accents (Nghị định, nghi dinh) or symbol (NĐ).
    #[arg(long = "type", value_name = "T", value_parser = parse_filter::<DocType>)]
    doc_type: Option<DocType>,
    #[arg(long, value_name = "I")]
    issuer: Option<String>,
    #[arg(long, value_name = "Y")]
    year: Option<i32>,
    /// Only documents with a finding of this rule (e.g. HL-002).
    #[arg(long, value_name = "R", value_parser = parse_filter::<RuleId>)]
    rule: Option<RuleId>,
    /// Level of the issuer: central, province, district, commune (or Trung ương, Tỉnh, Huyện, Xã).
    #[arg(long, value_name = "L", value_parser = parse_filter::<Level>)]
    level: Option<Level>,
    /// Issued on or after this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    from: Option<chrono::NaiveDate>,
    /// Issued on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    to: Option<chrono::NaiveDate>,
    /// Only documents with a finding of this severity (error, warning, info, or Lỗi, Cảnh báo, Thông tin).
    #[arg(long, value_name = "S", value_parser = parse_filter::<Severity>)]
    severity: Option<Severity>,
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    index: IndexDirArg,
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Review file whose decisions are shown beside the findings.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    index: IndexDirArg,
    /// Output file (default stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

/// Entry point: exit 0 on success, 1 when `check` found something at or above `--fail-on` (or
/// `extract` met an unreadable file), 2 on usage or I/O errors that stop the run.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // No subcommand means `run` with its defaults, taken from the flag definitions themselves.
    let command = cli
        .command
        .or_else(|| Cli::parse_from(["vbqppl", "run"]).command)
        .expect("`run` parses without arguments");
    match dispatch(command) {
        Ok(code) => code,
        // A closed pipe (`vbqppl search ... | head`) is the reader's choice, not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

fn dispatch(command: Command) -> Result<ExitCode> {
    match command {
        Command::Run(a) => run(a),
        Command::Extract(a) => extract(a),
        Command::Check(a) => check(a),
        Command::Index(a) => index(a),
        Command::Search(a) => search(a),
        Command::Serve(a) => serve(a),
        Command::Export(a) => export(a),
        Command::Rules(a) => rules(&a),
        Command::Report(a) => report_cmd(a),
        Command::Review(c) => review_cmd(c),
    }
}

fn thread_pool(jobs: &JobsArg) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs.jobs {
        if n == 0 {
            bail!("--jobs must be at least 1");
        }
        builder = builder.num_threads(n);
    }
    builder.build().context("cannot start worker threads")
}

fn options(args: &CheckOptionsArg) -> Result<Options> {
    let mut opts = Options::default();
    if let Some(d) = args.as_of {
        opts.as_of = d;
    }
    opts.isolation = args.isolation.apply(&mut opts.limits);
    if let Some(path) = &args.config {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read config", path.display()))?;
        // One line naming the file, then the key and the bad value (ConfigError says those).
        opts.config = Config::from_toml(&text).with_context(|| path.display().to_string())?;
    }
    Ok(opts)
}

/// A progress bar on stderr when it is a terminal, nothing otherwise.
struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg:>10} [{bar:40}] {pos}/{len} {per_sec} {eta}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(Some(bar))
    }
}

impl Progress for Bar {
    fn start(&self, phase: &str, total: usize) {
        if let Some(b) = &self.0 {
            b.reset();
            b.set_length(total as u64);
            b.set_position(0);
            b.set_message(phase.to_string());
        }
    }
    fn advance(&self, _path: &Path) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

fn process(
    inputs: &[PathBuf],
    jobs: &JobsArg,
    opts: &Options,
) -> Result<(Vec<DocReport>, Summary)> {
    let files = pipeline::collect_inputs(inputs)?;
    let pool = thread_pool(jobs)?;
    let started = Instant::now();
    let bar = Bar::new();
    let reports = pool.install(|| pipeline::process(&files, opts, &bar));
    let summary = Summary::of(&reports, started.elapsed());
    Ok((reports, summary))
}

/// One `error: PATH: reason` line on stderr for each file that was not checked.
fn print_not_checked(reports: &[DocReport]) {
    for r in reports {
        if let Some(reason) = r.not_checked() {
            eprintln!("error: {}: {reason}", r.path.display());
        }
    }
}

fn run(a: RunArgs) -> Result<ExitCode> {
    let inputs = if a.inputs.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        a.inputs
    };
    index_and_summarize(&inputs, &a.indexing)
}

fn index(a: IndexArgs) -> Result<ExitCode> {
    index_and_summarize(&a.inputs, &a.indexing)
}

/// `run` and `index`: the pipeline streaming into the index, then the summary lines.
fn index_and_summarize(inputs: &[PathBuf], a: &IndexingArgs) -> Result<ExitCode> {
    let opts = options(&a.check)?;
    let dir = a.index.index.as_path();
    let files = pipeline::collect_inputs(inputs)?;
    let pool = thread_pool(&a.jobs)?;
    let started = Instant::now();
    let bar = Bar::new();
    let index_options = IndexOptions::default().rebuild(a.rebuild);
    let (reports, indexed) = pool
        .install(|| pipeline::process_and_index(&files, inputs, &opts, &bar, index_options, dir))?;
    let summary = Summary::of(&reports, started.elapsed());
    print_not_checked(&reports);
    let mut out = std::io::stdout().lock();
    report::write_summary(&mut out, &summary)?;
    writeln!(out, "chỉ mục {}: {indexed}", dir.display())?;
    Ok(ExitCode::SUCCESS)
}

fn check(a: CheckArgs) -> Result<ExitCode> {
    let mut opts = options(&a.check)?;
    opts.config.min_confidence = a.confidence.min_confidence;
    let store = a.review.load(&a.inputs)?;
    if a.new_only && store.is_none() {
        eprintln!("rà soát: không có tệp rà soát, mọi phát hiện đều mới");
    }
    let started = Instant::now();
    let (all, _) = process(&a.inputs, &a.jobs, &opts)?;
    let fps = report::triage::fingerprint_batch(&all);
    let gate = if a.new_only {
        Gate::NewOnly
    } else {
        Gate::NotDismissed
    };
    let empty = ReviewStore::default();
    // What counts (and fails the gate): no dismissed finding; with --new-only, no decided one.
    let (shown, shown_fps, hidden) =
        report::triage::filter(&all, &fps, store.as_ref().unwrap_or(&empty), gate);
    let summary = Summary::of(&shown, started.elapsed());
    // JSON and SARIF keep dismissed findings (marked) unless --new-only asked for new ones only.
    let (listed, listed_fps) = if a.new_only {
        (&shown, &shown_fps)
    } else {
        (&all, &fps)
    };
    let mut out = std::io::stdout().lock();
    match a.format {
        CheckFormat::Json => {
            let mut json = report::to_json(listed, &summary);
            report::triage::annotate_json(&mut json, listed_fps, store.as_ref(), hidden);
            serde_json::to_writer_pretty(&mut out, &json)?
        }
        CheckFormat::Sarif => {
            let mut sarif = report::to_sarif(listed);
            report::triage::annotate_sarif(&mut sarif, listed, listed_fps, &fps, store.as_ref());
            serde_json::to_writer_pretty(&mut out, &sarif)?
        }
        CheckFormat::Human => report::write_human(&mut out, &shown, &summary, Style::detect())?,
    }
    writeln!(out)?;
    if !matches!(a.format, CheckFormat::Human) {
        print_not_checked(&shown);
    }
    if hidden > 0 {
        let what = if a.new_only {
            "đã rà soát"
        } else {
            "đã loại"
        };
        eprintln!("rà soát: {hidden} phát hiện {what} không được tính");
    }
    let threshold = match a.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
    };
    // Fail closed: a file that was not checked did not pass.
    let unchecked = !a.allow_unchecked && summary.not_checked_total() > 0;
    let failed = unchecked
        || shown
            .iter()
            .any(|r| r.worst().is_some_and(|w| w >= threshold));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report_cmd(a: ReportArgs) -> Result<ExitCode> {
    let format = match a.format {
        Some(ReportFormatArg::Xlsx) => report::ReportFormat::Xlsx,
        Some(ReportFormatArg::Docx) => report::ReportFormat::Docx,
        Some(ReportFormatArg::Csv) => report::ReportFormat::Csv,
        Some(ReportFormatArg::Html) => report::ReportFormat::Html,
        None => report::ReportFormat::from_path(&a.out).with_context(|| {
            format!(
                "{}: cannot tell the report format from the extension; use --format xlsx|docx|csv|html",
                a.out.display()
            )
        })?,
    };
    let mut report_options = report::ReportOptions {
        title: a.title.clone(),
        period: a.period,
        issuer: a.issuer.clone(),
        ..report::ReportOptions::default()
    };
    if let Some(d) = a.date {
        report_options.date = d;
    }
    let inspection = match &a.from_json {
        Some(json) => {
            let store = a.review.load(std::slice::from_ref(json))?;
            let text = std::fs::read_to_string(json)
                .with_context(|| format!("{}: cannot read", json.display()))?;
            report::Inspection::from_json(&text, store.as_ref(), report_options)
                .map_err(|e| anyhow::anyhow!("{}: {e}", json.display()))?
        }
        None => {
            let store = a.review.load(&a.inputs)?;
            let mut opts = options(&a.check)?;
            opts.config.min_confidence = a.confidence.min_confidence;
            let (reports, _) = process(&a.inputs, &a.jobs, &opts)?;
            print_not_checked(&reports);
            report::Inspection::from_reports(&reports, store.as_ref(), report_options)
        }
    };
    let bar = Bar::new();
    report::write_report(&inspection, &a.out, format, &bar)?;
    let t = inspection.totals();
    eprintln!(
        "đã ghi {}: {} tệp ({} không kiểm tra được), {} phát hiện, {} đã loại",
        a.out.display(),
        t.documents,
        t.not_checked,
        t.findings,
        t.dismissed
    );
    Ok(ExitCode::SUCCESS)
}

fn review_cmd(c: ReviewCommand) -> Result<ExitCode> {
    match c {
        ReviewCommand::Set(a) => {
            let mut store = ReviewStore::load(&a.store.review)?;
            // What the report says of each finding: its document and excerpt.
            let known: Option<std::collections::HashMap<review::Fingerprint, (String, String)>> =
                match &a.report {
                    None => None,
                    Some(path) => {
                        let text = std::fs::read_to_string(path)
                            .with_context(|| format!("{}: cannot read", path.display()))?;
                        let inspection = report::Inspection::from_json(
                            &text,
                            None,
                            report::ReportOptions::default(),
                        )
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                        Some(
                            inspection
                                .all()
                                .map(|(d, e)| {
                                    let doc = match &d.number {
                                        Some(n) => format!("{n} ({})", d.path),
                                        None => d.path.clone(),
                                    };
                                    (e.fingerprint.clone(), (doc, e.finding.excerpt.clone()))
                                })
                                .collect(),
                        )
                    }
                };
            if let (Some(known), Some(path)) = (&known, &a.report) {
                if let Some(fp) = a.fingerprints.iter().find(|fp| !known.contains_key(*fp)) {
                    bail!("{}: no finding with fingerprint {fp}", path.display());
                }
            }
            for fp in a.fingerprints {
                let mut d = review::Decision::now(a.status);
                d.note.clone_from(&a.note);
                d.handling.clone_from(&a.handling);
                if a.by.is_some() {
                    d.by.clone_from(&a.by);
                }
                d.rule = Some(fp.rule().to_string());
                // Keep what the file says about the finding (document, excerpt) when re-deciding.
                if let Some((doc, excerpt)) = known.as_ref().and_then(|k| k.get(&fp)) {
                    d.document = Some(doc.clone());
                    d.excerpt = Some(excerpt.clone());
                } else if let Some(old) = store.get(&fp) {
                    d.document.clone_from(&old.document);
                    d.excerpt.clone_from(&old.excerpt);
                }
                let previous = store.decide(fp.clone(), d);
                let was = previous.map_or(String::new(), |p| format!(" (trước: {})", p.status));
                eprintln!("{fp}: {}{was}", a.status);
            }
            store.save()?;
        }
        ReviewCommand::Unset(a) => {
            let mut store = ReviewStore::load(&a.store.review)?;
            for fp in &a.fingerprints {
                if store.remove(fp).is_none() {
                    bail!("{}: no decision on {fp}", a.store.review.display());
                }
            }
            store.save()?;
        }
        ReviewCommand::List(a) => {
            let store = ReviewStore::load(&a.store.review)?;
            let mut out = std::io::stdout().lock();
            match a.format {
                RulesFormat::Json => {
                    let list: Vec<_> = store
                        .iter()
                        .map(|(fp, d)| {
                            let mut v = serde_json::to_value(d).unwrap_or_default();
                            v["fingerprint"] = serde_json::json!(fp.as_str());
                            v
                        })
                        .collect();
                    serde_json::to_writer_pretty(&mut out, &list)?;
                    writeln!(out)?;
                }
                RulesFormat::Human => {
                    for (fp, d) in store.iter() {
                        writeln!(
                            out,
                            "{fp}  {}  {}{}",
                            d.status.label_vi(),
                            d.note.as_deref().unwrap_or(""),
                            d.handling
                                .as_deref()
                                .map_or(String::new(), |h| format!(" [xử lý: {h}]"))
                        )?;
                    }
                    writeln!(
                        out,
                        "{} quyết định trong {}",
                        store.len(),
                        a.store.review.display()
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let pool = thread_pool(&a.jobs)?;
    if let Some(dir) = &a.out {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
    }
    let mut limits = vbqppl::extract::Limits::default();
    let isolation = a.isolation.apply(&mut limits);
    let results = pool.install(|| pipeline::extract_all(&a.files, &limits, isolation));
    let mut failed = false;
    let mut used_names = std::collections::HashSet::new();
    let mut stdout = std::io::stdout().lock();
    for (path, result) in a.files.iter().zip(&results) {
        if let Err(reason) = result {
            eprintln!("error: {}: {reason}", path.display());
            failed = true;
        }
        // A scan "extracts" to nothing: say so rather than print an empty text.
        let scanned = result
            .as_ref()
            .is_ok_and(|x| x.parsed.source.text_layer == TextLayer::None);
        if scanned {
            eprintln!("error: {}: {}", path.display(), pipeline::NoText);
            failed = true;
        }
        let rendered = match a.format {
            ExtractFormat::Json => {
                serde_json::to_string_pretty(&pipeline::extraction_json(path, result))? + "\n"
            }
            ExtractFormat::Text => match result {
                Ok(x) if !scanned => x.text().to_string(),
                _ => continue,
            },
        };
        match &a.out {
            None => stdout.write_all(rendered.as_bytes())?,
            Some(dir) => {
                let ext = if matches!(a.format, ExtractFormat::Json) {
                    "json"
                } else {
                    "txt"
                };
                let name = unique_name(path, ext, &mut used_names);
                std::fs::write(dir.join(&name), rendered)
                    .with_context(|| format!("{}: cannot write", dir.join(&name).display()))?;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `a/b/x.pdf` → `x.pdf.txt`, with `-2`, `-3`... when two inputs share a file name.
fn unique_name(path: &Path, ext: &str, used: &mut std::collections::HashSet<String>) -> String {
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".into());
    let mut name = format!("{base}.{ext}");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}-{n}.{ext}");
        n += 1;
    }
    name
}

fn search(a: SearchArgs) -> Result<ExitCode> {
    let request = SearchRequest {
        query: a.query,
        limit: a.limit,
        doc_type: a.doc_type,
        issuer: a.issuer,
        level: a.level,
        year: a.year,
        from: a.from,
        to: a.to,
        rule: a.rule,
        severity: a.severity,
        sort: match a.sort {
            SortArg::Relevance => SortOrder::Relevance,
            SortArg::Newest => SortOrder::DateDesc,
            SortArg::Oldest => SortOrder::DateAsc,
        },
        ..SearchRequest::default()
    };
    let results = vbqppl::index::search(&a.index.index, &request)?;
    let mut out = std::io::stdout().lock();
    match a.format {
        SearchFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &results)?;
            writeln!(out)?;
        }
        SearchFormat::Human => {
            let style = Style::detect();
            let about = if results.total_exact { "" } else { "khoảng " };
            writeln!(out, "{about}{} kết quả", results.total)?;
            for h in &results.hits {
                writeln!(
                    out,
                    "{:6.2}  {}  {}  {}\n        {}\n        {}",
                    h.score,
                    h.number.as_deref().unwrap_or("(không số)"),
                    h.issue_date.as_deref().unwrap_or(""),
                    h.title.as_deref().unwrap_or(""),
                    h.path,
                    style.highlight_html(&h.snippet)
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(a: ServeArgs) -> Result<ExitCode> {
    let addr: std::net::SocketAddr = a
        .addr
        .parse()
        .with_context(|| format!("invalid --addr {:?}: expected HOST:PORT", a.addr))?;
    let review = match &a.review {
        Some(path) => Some(ReviewStore::load(path)?),
        None => None,
    };
    vbqppl::serve::serve(&a.index.index, addr, review)?;
    Ok(ExitCode::SUCCESS)
}

fn export(a: ExportArgs) -> Result<ExitCode> {
    let count = match &a.out {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let n = vbqppl::index::export_ndjson(&a.index.index, &mut w)?;
            w.flush()?;
            n
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            let n = vbqppl::index::export_ndjson(&a.index.index, &mut w)?;
            w.flush()?;
            n
        }
    };
    eprintln!("{count} tài liệu đã xuất");
    Ok(ExitCode::SUCCESS)
}

fn rules(args: &RulesArgs) -> Result<ExitCode> {
    use vbqppl::check::{bases::bases, Period, RuleStatus};
    use vbqppl::parse::Regime;
    let mut out = std::io::stdout().lock();
    let regime = args.as_of.map(Regime::of);
    if let RulesFormat::Json = args.format {
        let basis_json = |p: &Period| match p {
            Period::Basis(b) => serde_json::json!({
                "text": b.text, "text_en": b.text_en, "tag": b.tag, "template": b.template,
            }),
            Period::Absent { why, why_vi } => {
                serde_json::json!({"absent": why, "absent_vi": why_vi})
            }
        };
        let list: Vec<_> = vbqppl::check::rules()
            .iter()
            .map(|r| {
                let periods: Vec<_> = bases()
                    .periods(r.id)
                    .filter(|(g, _)| regime.is_none_or(|x| x == *g))
                    .map(|(g, p)| {
                        let mut v = basis_json(p);
                        v["regime"] = serde_json::json!(g);
                        v
                    })
                    .collect();
                serde_json::json!({
                    "id": r.id, "name_vi": r.name_vi, "name_en": r.name_en, "family": r.family,
                    "severities": r.severities, "status": r.status, "description": r.description,
                    "periods": periods,
                })
            })
            .collect();
        let doc = serde_json::json!({"as_of": args.as_of, "regime": regime, "rules": list});
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(g) = regime {
        writeln!(out, "Thời kỳ: {}\n", g.label_vi())?;
    }
    let mut absent = Vec::new();
    for r in vbqppl::check::rules() {
        let status = match r.status {
            RuleStatus::Implemented => "",
            RuleStatus::WarningOnly => " (chỉ cảnh báo)",
        };
        let severities: Vec<_> = r.severities.iter().map(|s| s.label_vi()).collect();
        let head = format!("{}  {}{status}\n          {}", r.id, r.name_vi, r.name_en);
        let unconfirmed = |b: &vbqppl::check::Basis| {
            if b.tag.confirmed() {
                ""
            } else {
                " (căn cứ chưa được xác nhận)"
            }
        };
        match regime {
            Some(g) => match bases().get(r.id, g) {
                Period::Basis(b) => writeln!(
                    out,
                    "{head}\n          mức: {}\n          căn cứ: {}{}",
                    severities.join(", "),
                    b.text,
                    unconfirmed(b)
                )?,
                Period::Absent { why_vi, .. } => absent.push((r.id, why_vi)),
            },
            None => {
                writeln!(out, "{head}\n          mức: {}", severities.join(", "))?;
                for (dates, p) in bases().grouped(r.id) {
                    match p {
                        Period::Basis(b) => {
                            writeln!(out, "          {dates}: {}{}", b.text, unconfirmed(b))?
                        }
                        Period::Absent { .. } => writeln!(out, "          {dates}: không áp dụng")?,
                    }
                }
            }
        }
    }
    if !absent.is_empty() {
        writeln!(out, "\nKhông áp dụng trong thời kỳ này:")?;
        for (id, why) in absent {
            writeln!(out, "{id}  {why}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
