//! meg: Azure migration landing zones as Bicep and Terraform, from a CAF/WAF-aligned catalog.
//!
//! The folders follow the pipeline: [`input`] (layered YAML values, the schema check and
//! defaults, typed settings) -> [`model`] (environments, names, address plans, the checks a
//! schema cannot express, the parameters each target receives) -> [`render`] (Tera templates
//! through the escaping filters and the HCL formatter) into a [`fileset`] (the tree in memory,
//! the contract between rendering and writing) -> [`output`] (the transactional write with its
//! lock, drift, merge and update). [`session`] composes the steps every command shares and
//! [`snapshot`] checks the catalog's examples with them; [`cli`] is the command line, which
//! turns its arguments into a plain [`request`] at the edge.
#![warn(missing_docs)]

pub mod catalog;
pub mod cidr;
pub mod cli;
/// The catalog digest, shared with build.rs.
pub mod digest;
pub mod error;
pub mod fileset;
pub(crate) mod input;
pub(crate) mod inventory;
pub mod model;
pub mod output;
pub(crate) mod read_back;
pub(crate) mod render;
pub mod request;
pub mod session;
pub(crate) mod snapshot;
