//! The `vbqppl` binary: see `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    // The extraction worker of process isolation: this binary run again, never by a user.
    #[cfg(target_os = "linux")]
    {
        let mut args = std::env::args_os().skip(1);
        if args
            .next()
            .is_some_and(|a| a == vbqppl::pipeline::WORKER_ARG)
        {
            let rest: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
            return vbqppl::pipeline::serve_worker(&rest);
        }
    }
    cli::main()
}
