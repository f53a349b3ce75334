//! The output folder: the transactional write of a rendered [`FileSet`](crate::fileset::FileSet),
//! the lock and its recorded inputs, drift against a user's tree, and the three-way merge of an
//! update.

pub(crate) mod dir_handle;
pub mod drift;
pub mod ignore;
pub mod lock;
pub mod merge;
pub(crate) mod merge_realigned;
pub mod meta_dir;
pub(crate) mod moved;
pub mod outlock;
pub mod recorded;
pub mod recorded_files;
pub mod references;
pub mod split;
pub mod update;
pub mod wave_record;
pub mod write;
