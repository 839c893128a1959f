//! Stage 6: a local web page for reviewers over the index.
