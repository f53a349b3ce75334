//! meg: Azure migration landing zones as Bicep and Terraform, from a CAF/WAF-aligned catalog.
//!
//! The pipeline, one module per step: [`values`] (layered YAML) -> [`schema`] (JSON Schema
//! check and defaults) -> [`model`] (environments, [`naming`], [`network`] checks, parameters)
//! -> [`render`] (Tera templates through [`escape`] and [`hclfmt`]) -> [`fileset`] (the tree in
//! memory) -> [`write`] (planned, transactional) with its [`lock`]. [`commands`] composes them.
#![warn(missing_docs)]

pub mod catalog;
pub mod cidr;
pub mod cli;
pub mod commands;
/// The catalog digest, shared with build.rs.
pub mod digest;
pub mod drift;
pub mod error;
pub mod escape;
pub mod fileset;
pub mod governance;
pub mod hclfmt;
pub mod inventory;
pub mod lint;
pub mod lock;
pub mod merge;
pub mod model;
pub mod naming;
pub mod network;
pub mod outlock;
pub mod pinned;
pub mod pipeline;
pub mod recorded;
pub mod render;
pub mod roles;
pub mod schema;
pub mod settings;
pub mod snapshot;
pub mod tags;
pub mod update;
pub mod values;
pub mod workloads;
pub mod write;
