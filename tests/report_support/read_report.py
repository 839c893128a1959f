"""Independent reader of vbqppl's XLSX and DOCX reports (openpyxl, python-docx), for tests.

Usage: read_report.py xlsx|docx FILE  -> one JSON object on stdout describing what it read.
Exit 3 when the needed module is missing (the Rust test then skips with a message).
"""
import json
import sys


def read_xlsx(path):
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "rows": {}, "freeze": {}, "filter": {}, "columns": {}}
    for ws in wb:
        out["freeze"][ws.title] = ws.freeze_panes
        out["filter"][ws.title] = ws.auto_filter.ref
        out["rows"][ws.title] = ws.max_row - 1
    for name in ("Chi tiết", "Đã loại", "Văn bản"):
        ws = wb[name]
        header = [c.value for c in ws[1]]
        cols = {h: [] for h in header}
        for row in ws.iter_rows(min_row=2, values_only=True):
            for h, v in zip(header, row):
                cols[h].append(v)
        out["columns"][name] = {
            h: {
                "types": sorted({type(v).__name__ for v in vs}),
                "values": [v if isinstance(v, (int, float, str)) or v is None else v.isoformat() for v in vs],
            }
            for h, vs in cols.items()
        }
    summary = wb["Tổng hợp"]
    out["summary"] = [[c for c in row] for row in summary.iter_rows(values_only=True)]
    out["summary"] = [[v if isinstance(v, (int, float, str)) or v is None else v.isoformat() for v in r] for r in out["summary"]]
    return out


def read_docx(path):
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(path)
    s = d.sections[0]
    defaults = d.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    size = rpr.find(qn("w:sz"))
    return {
        "page_mm": [round(s.page_width.mm), round(s.page_height.mm)],
        "margins_mm": [round(s.top_margin.mm), round(s.bottom_margin.mm), round(s.left_margin.mm), round(s.right_margin.mm)],
        "font": fonts.get(qn("w:ascii")) if fonts is not None else None,
        "size_half_points": int(size.get(qn("w:val"))) if size is not None else None,
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": [{"header": [c.text for c in t.rows[0].cells], "rows": [[c.text for c in r.cells] for r in t.rows[1:]]} for t in d.tables],
    }


def main():
    kind, path = sys.argv[1], sys.argv[2]
    try:
        data = read_xlsx(path) if kind == "xlsx" else read_docx(path)
    except ImportError as e:
        print(f"missing module: {e.name}", file=sys.stderr)
        sys.exit(3)
    json.dump(data, sys.stdout, ensure_ascii=False)


main()
