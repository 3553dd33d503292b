//! The physiotherapist report (issue 17).
