//! Issue 20: what keeps a step without lowering it — a harder form offered and not taken yet (or
//! declined), and a hold set cut short; and how the command line words the offer.

use super::*;

fn answer(n: i64, kind: EntryKind, id: &str) -> Entry {
    let name = format!("{n}-{kind}-{id}");
    let mut e = event(n, kind);
    e.id = name;
    e.exercise = Some(id.into());
    e
}

const OFFER: &str = "Ready for side bridge on your feet: press h to try it or say not now";
const KEPT: &str = "Staying on your knees, as you chose: press h any time for your feet";

/// 20.5: the side bridge's move from the knees to the feet is offered once, held until
/// accepted; "not now" keeps the hold without the offer; a flare asks again.
#[test]
fn harder_forms_are_offered_once_and_taken_only_when_accepted() {
    use EntryKind::{FlareOff, FlareOn, HarderAccepted as Yes, HarderDeclined as No};
    let sb = |n, step| done(n, "side-bridge", step, Easy, 0);
    let ready = vec![sb(0, 3), sb(3, 4), sb(5, 4), sb(7, 4), sb(9, 4)];
    let with = |extra: Vec<Entry>| ready.iter().cloned().chain(extra).collect::<Vec<_>>();
    // An answer on day 9, a flare on days 11–12, then the knees sessions earn the feet again.
    let flare = |kind: EntryKind, extra: Vec<Entry>| {
        let mut h = with(vec![answer(9, kind, "side-bridge"), sb(10, 4), event(11, FlareOn)]);
        h.extend([event(12, FlareOff), sb(13, 4), sb(15, 4), sb(17, 4), sb(20, 4)]);
        h.extend(extra);
        h
    };
    let up = Some("Up one step: 4 easy sessions in a row");
    // (what, history, day, step, change, the offer (declined?), reason)
    type Case<'a> = (&'a str, Vec<Entry>, i64, u32, Change, Option<bool>, Option<&'a str>);
    let cases: Vec<Case> = vec![
        ("ready: offered and held", ready.clone(), 10, 4, Change::Hold, Some(false), Some(OFFER)),
        ("accepted: up to the feet", with(vec![answer(9, Yes, "side-bridge")]), 10, 5, Change::Up, None, up),
        (
            "declined: held, no offer",
            with(vec![answer(9, No, "side-bridge")]),
            10,
            4,
            Change::Hold,
            Some(true),
            Some(KEPT),
        ),
        (
            "declined today: gone today",
            with(vec![answer(10, No, "side-bridge")]),
            10,
            4,
            Change::Hold,
            Some(true),
            Some(KEPT),
        ),
        (
            "declined, days later: still held",
            with(vec![answer(9, No, "side-bridge"), sb(10, 4), sb(11, 4)]),
            12,
            4,
            Change::Hold,
            Some(true),
            Some(KEPT),
        ),
        (
            "declined, then taken with h",
            with(vec![answer(9, No, "side-bridge"), sb(10, 4), answer(11, Yes, "side-bridge")]),
            11,
            5,
            Change::Up,
            None,
            Some("Up one step: 5 easy sessions in a row"),
        ),
        (
            "the plank's answer is not the side bridge's",
            with(vec![answer(9, No, "plank")]),
            10,
            4,
            Change::Hold,
            Some(false),
            Some(OFFER),
        ),
        (
            "a decline before a flare: asked again",
            flare(No, vec![]),
            21,
            4,
            Change::Hold,
            Some(false),
            Some(OFFER),
        ),
        (
            "an acceptance before a flare: asked again",
            flare(Yes, vec![]),
            21,
            4,
            Change::Hold,
            Some(false),
            Some(OFFER),
        ),
        (
            "declined again after the flare",
            flare(Yes, vec![answer(21, No, "side-bridge")]),
            21,
            4,
            Change::Hold,
            Some(true),
            Some(KEPT),
        ),
        (
            "at the feet, a flare: back to the feet is asked",
            vec![
                answer(9, Yes, "side-bridge"),
                sb(10, 7),
                event(11, FlareOn),
                sb(12, 1),
                sb(13, 1),
                event(14, FlareOff),
            ],
            14,
            4,
            Change::Hold,
            Some(false),
            Some(OFFER),
        ),
    ];
    for (what, h, on, step, change, offer, reason) in cases {
        let p = rx(&h, "side-bridge", on);
        let declined = p.offer.as_ref().map(|o| o.declined);
        assert_eq!(
            (p.step, &p.change, declined, p.reason.as_deref()),
            (step, &change, offer, reason),
            "{what}"
        );
        if let Some(o) = &p.offer {
            assert_eq!((o.form.as_str(), o.from.as_str()), ("feet", "knees"), "{what}");
        }
    }
    // The curl-up has one form: nothing to offer.
    let cu =
        vec![done(0, "curl-up", 1, Easy, 0), done(1, "curl-up", 1, Easy, 0), done(2, "curl-up", 1, Easy, 0)];
    assert_eq!(rx(&cu, "curl-up", 3).offer, None);
}

/// 20.5: the plan assumes an offer is taken the day it is made; one declined stays declined.
#[test]
fn the_plan_takes_an_offer_but_not_one_declined() {
    let sb = |n, step| done(n, "side-bridge", step, Easy, 0);
    let ready = vec![sb(0, 3), sb(3, 4), sb(5, 4), sb(7, 4), sb(9, 4)];
    let step_in_weeks = |h: &[Entry]| {
        let plan = forecast(&Catalog::builtin(), &Settings::default(), h, day(10), 3);
        let at = |w: &WeekPlan| w.exercises.iter().find(|i| i.id == "side-bridge").unwrap().step;
        plan.iter().map(at).collect::<Vec<_>>()
    };
    assert_eq!(step_in_weeks(&ready)[0], 5, "today's plan takes the feet");
    let mut declined = ready.clone();
    declined.push(answer(9, EntryKind::HarderDeclined, "side-bridge"));
    assert!(step_in_weeks(&declined).iter().all(|s| *s == 4), "{:?}", step_in_weeks(&declined));
}

/// 20.3: a hold set cut short is a partial session: it counts for the day but breaks the run of
/// 3, and the next day says why.
#[test]
fn a_hold_set_cut_short_holds() {
    let e = |n, cut| {
        let mut e = done(n, "curl-up", 1, Easy, 0);
        e.partial = cut;
        e
    };
    let why = "Same as last time: the last session was cut short";
    // (what, which of three days was cut short, day asked, step, change, reason)
    type Case = (&'static str, Option<i64>, i64, u32, Change, Option<&'static str>);
    let cases: [Case; 5] = [
        ("three whole days", None, 3, 2, Change::Up, Some("Up one step: 3 easy sessions in a row")),
        ("the last cut short", Some(2), 3, 1, Change::Hold, Some(why)),
        ("the middle one cut short: the run starts again", Some(1), 3, 1, Change::Same, None),
        ("the first one cut short", Some(0), 3, 1, Change::Same, None),
        (
            "three whole days after it",
            Some(0),
            4,
            2,
            Change::Up,
            Some("Up one step: 3 easy sessions in a row"),
        ),
    ];
    for (what, cut, on, step, change, reason) in cases {
        let h: Vec<Entry> = (0..on).map(|n| e(n, Some(n) == cut)).collect();
        let p = rx(&h, "curl-up", on);
        assert_eq!((p.step, &p.change, p.reason.as_deref()), (step, &change, reason), "{what}");
    }
}

/// The CLI names its commands where the app names keys; other reasons read the same.
#[test]
fn the_command_line_says_commands_where_the_app_says_keys() {
    let catalog = Catalog::builtin();
    let ex = catalog.get("side-bridge").unwrap();
    let base = rx(&[], "side-bridge", 0);
    let with = |reason: &str, offer: Option<Offer>, paused: bool, stopped: bool| Prescription {
        reason: Some(reason.into()),
        offer,
        paused,
        stopped,
        ..base.clone()
    };
    let offer = |declined| Some(Offer { form: "feet".into(), from: "knees".into(), declined });
    let cases = [
        (
            with("app words", offer(false), false, false),
            "`upright harder side-bridge` to try it, `--no` for not now",
        ),
        (with("app words", offer(true), false, false), "`upright harder side-bridge` any time for your feet"),
        (
            with(&format!("Paused: pain down a leg (Tue 24 Nov). {PAUSED_KEY}"), None, true, false),
            "Run `upright safety --clear side-bridge` when a clinician clears it",
        ),
        (with("Stopped for today: pain 7", offer(false), false, true), "Stopped for today: pain 7"),
        (with("Same as last time", None, false, false), "Same as last time"),
    ];
    for (rx, says) in cases {
        let cli = rx.reason_in_cli(ex).unwrap();
        assert!(cli.ends_with(says), "{cli}");
        assert!(!cli.contains("press h") && !cli.contains("Press c"), "{cli}");
    }
}

/// Issue 26 item 12: the reason a step held names what happened — the morning the back had not
/// settled, or the version done instead — not "an easier day"; a bike ride that filled the
/// day's walk by minutes is no "1 of 3 walks".
#[test]
fn a_held_reason_names_what_happened() {
    let walks = |n| (0..3).map(move |_| done(n, "walk", 1, Easy, 0));
    let mut not_settled: Vec<Entry> = walks(0).chain(walks(1)).collect();
    not_settled.push(event(2, EntryKind::NotSettled));
    not_settled.extend(walks(2));
    let r = rx(&not_settled, "walk", 3);
    assert_eq!(
        (r.change, r.reason.as_deref()),
        (Change::Hold, Some("Same as last time: your back had not settled last time"))
    );
    let mut bike = done(2, "walk", 1, Easy, 0);
    (bike.variant, bike.minutes) = (Some("bike".into()), Some(20));
    let rode: Vec<Entry> = walks(0).chain(walks(1)).chain([bike]).collect();
    let r = rx(&rode, "walk", 3);
    assert_eq!(
        (r.change, r.reason.as_deref()),
        (Change::Hold, Some("Same as last time: bike instead last time"))
    );
}
