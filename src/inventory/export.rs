//! Writing an inventory back as an Azure Migrate import CSV (not yet built).
