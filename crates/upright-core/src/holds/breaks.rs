//! The desk-break movements through the holds: nothing while the routine is locked; with avoid
//! extension no lean back over the chair (shoulder rolls and chin tucks instead); with avoid
//! flexion no forward bends (the movements have none). The break takes 1 min 45 s in all.

use super::{Gated, Hold, Holds};

/// One movement of a guided break: what to do, and for how long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakStep {
    pub text: &'static str,
    /// The few words the due break is announced with ("a short walk").
    pub short: &'static str,
    pub secs: u32,
}

const STAND: BreakStep = BreakStep {
    text: "Stand up. Feet under your hips, let your back lengthen, shoulders down.",
    short: "stand up",
    secs: 15,
};

/// The upper-back extension over the chair back stands in for the foam roller at the desk
/// (COACHING.md's thoracic extension, without the floor).
const EXTEND: BreakStep = BreakStep {
    text: "Upper-back extension\u{a0}×\u{a0}5: sit tall, hands behind your head, lean back over the top of the chair back, breathe out, come back up.",
    short: "upper-back extension over the chair back\u{a0}×\u{a0}5",
    secs: 40,
};

/// With avoid extension (COACHING.md "Turn 3 review" A): no backward lean.
const LOOSEN: BreakStep = BreakStep {
    text: "Shoulder rolls\u{a0}×\u{a0}5, then chin tucks\u{a0}×\u{a0}5: roll the shoulders up, back and down; then draw the chin straight back, the neck long.",
    short: "shoulder rolls and chin tucks",
    secs: 40,
};

const WALK: BreakStep = BreakStep {
    text: "A short walk: to the window, the kitchen, down the corridor and back.",
    short: "a short walk",
    secs: 50,
};

/// The guided break for these holds; empty while locked (the companion shows the lock instead).
pub fn break_steps(holds: &Holds) -> Gated<Vec<BreakStep>> {
    if let Some(since) = holds.locked {
        return Gated::new(Vec::new(), Some(Hold::Locked { since }));
    }
    let middle = if holds.avoid_extension { LOOSEN } else { EXTEND };
    Gated::new(vec![STAND, middle, WALK], None)
}
