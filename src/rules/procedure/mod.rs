//! The rules of the review's procedure (who is reviewed, in what order, how meetings
//! are held and counted, what the dossier holds): every cycle runs them. Each cycle's
//! table gives them its own legal source; the constants here are the 2023 cycle's.

pub mod dossier;
pub mod meeting;
