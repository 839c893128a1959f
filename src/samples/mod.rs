//! Writers for the project's own sample documents (PDF with embedded TrueType/Identity-H/ToUnicode,
//! DOCX, TXT) used to build `corpus/` and test fixtures. Not a pipeline stage.
