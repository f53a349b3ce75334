//! The output folder: the render as a tree in memory, the transactional write, the lock and
//! its recorded inputs, drift against a user's tree, the three-way merge of an update, and
//! the reference snapshots of `meg check`.

pub mod drift;
pub mod fileset;
pub mod lock;
pub mod merge;
pub mod outlock;
pub mod recorded;
pub mod snapshot;
pub mod update;
pub mod write;
