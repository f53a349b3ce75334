//! Placement: which spoke and subnet each server lands in (step 3, not yet built).
