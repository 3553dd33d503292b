use super::*;

#[test]
fn every_coaching_id_is_in_the_catalog() {
    let catalog = Catalog::builtin();
    let ids: Vec<&str> = catalog.exercises().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "walk",
            "hamstring-stretch",
            "thoracic-extension",
            "curl-up",
            "side-bridge",
            "bird-dog",
            "glute-bridge",
            "dead-bug",
            "plank",
            "sit-to-stand",
            "farmer-carry"
        ]
    );
    for id in DEFAULT_ROUTINE {
        assert!(catalog.get(id).unwrap().default, "{id} is in the default routine");
    }
    assert_eq!(catalog.exercises().iter().filter(|e| e.default).count(), 6);
}

#[test]
fn ladders_are_well_formed() {
    for e in Catalog::builtin().exercises() {
        assert!(!e.steps.is_empty(), "{}: has a ladder", e.id);
        assert_eq!(e.cues.len(), 3, "{}: three cues", e.id);
        assert!(!e.figure.is_empty(), "{}: has a figure", e.id);
        for level in [Level::Beginner, Level::Active] {
            assert!(e.start(level) >= 1 && e.start(level) <= e.cap(level), "{}: start <= cap", e.id);
            assert!(e.cap(level) <= e.top(), "{}: cap on the ladder", e.id);
        }
        if e.group == Group::Core {
            for d in &e.steps {
                assert!(d.hold_secs() <= 10, "{}: core holds never exceed 10 s", e.id);
            }
        }
    }
}

#[test]
fn walk_ladder_grows_by_at_most_ten_percent_or_one_minute() {
    let catalog = Catalog::builtin();
    let walk = catalog.get("walk").unwrap();
    let minutes: Vec<u32> = walk.steps.iter().map(|d| d.walk_minutes().unwrap()).collect();
    for pair in minutes.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert!(b > a && b - a <= (a / 10).max(1), "{a} -> {b}");
    }
    // Step 21 is 30 min (active start, beginner cap) and step 29 is 60 min (active cap).
    assert_eq!(minutes[20], 30);
    assert_eq!(minutes[28], 60);
    assert_eq!(walk.start(Level::Active), 21);
    assert_eq!(walk.cap(Level::Beginner), 21);
    assert_eq!(walk.cap(Level::Active), 29);
    for d in &walk.steps {
        let Dose::Walk { bouts, minutes } = d else { panic!() };
        let want = if *minutes < 10 {
            3
        } else if *minutes < 15 {
            2
        } else {
            1
        };
        assert_eq!(*bouts, want, "{minutes} min bouts");
    }
}

#[test]
fn dose_texts() {
    let c = Catalog::builtin();
    let cases = [
        ("hamstring-stretch", 1, "2 × 30 s per side"),
        ("curl-up", 2, "4-3-2 × 8 s holds"),
        ("side-bridge", 2, "knees 4-3-2 × 8 s holds per side"),
        ("side-bridge", 7, "feet 8-6-4 × 10 s holds per side"),
        ("thoracic-extension", 1, "1 position × 5, 3 s pause"),
        ("thoracic-extension", 4, "3 positions × 6, 3 s pause"),
        ("walk", 3, "3 × 7 min"),
        ("walk", 21, "1 × 30 min"),
        ("dead-bug", 3, "2 × 8 per side"),
        ("plank", 9, "toes 3 × 20 s"),
        ("farmer-carry", 4, "3 × 60 s"),
        ("sit-to-stand", 1, "2 × 8"),
        // Out-of-range steps clamp onto the ladder.
        ("curl-up", 0, "3-2-1 × 8 s holds"),
        ("curl-up", 99, "8-6-4 × 10 s holds"),
    ];
    for (id, step, want) in cases {
        assert_eq!(c.get(id).unwrap().dose_text(step), want, "{id} step {step}");
    }
}

#[test]
fn bad_doses_are_rejected() {
    for (kind, text) in [
        (Kind::Hold, "3 x 8"),
        (Kind::Hold, "0 x 8s"),
        (Kind::Hold, "3-x-1 x 8s"),
        (Kind::Reps, "3 x"),
        (Kind::Walk, "3 x 5"),
        (Kind::Carry, "2 x 0s"),
        (Kind::Hold, ""),
        (Kind::Hold, "3x8s"),
        (Kind::Reps, "3 x 6 pause"),
        (Kind::Reps, "3 x 6 pause 3"),
        (Kind::Walk, "3 x min"),
    ] {
        assert!(Dose::parse(kind, text).is_err(), "{kind:?} {text:?}");
    }
}

#[test]
fn invalid_exercises_are_rejected() {
    let base = "[[exercise]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\n";
    for (extra, why) in [
        ("steps = []\n", "empty"),
        ("steps = [\"1 x 5\"]\nbeginner_start = 2\n", "not a step"),
        ("steps = [\"1 x 5\", \"2 x 5\"]\nbeginner_start = 2\nbeginner_cap = 1\n", "above its cap"),
    ] {
        let err = Catalog::parse(&format!("{base}{extra}")).unwrap_err().to_string();
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn the_embedded_asset_parses() {
    // `builtin` panics on a bad asset; parsing here names the broken exercise and step instead.
    let parsed = Catalog::parse(BUILTIN).unwrap_or_else(|e| panic!("assets/catalog.toml: {e}"));
    assert_eq!(parsed.exercises().len(), 11);
}

#[test]
fn good_doses_parse() {
    let holds = |variant: Option<&str>, reps: &[u32], secs| Dose::Holds {
        variant: variant.map(str::to_string),
        reps: reps.to_vec(),
        secs,
    };
    let reps = |sets, reps, pause_secs| Dose::Reps { variant: None, sets, reps, pause_secs };
    for (kind, text, want) in [
        (Kind::Hold, "2 x 30s", holds(None, &[1, 1], 30)),
        (Kind::Hold, "knees 4-3-2 x 8s", holds(Some("knees"), &[4, 3, 2], 8)),
        (Kind::Hold, "  toes 3 x 20s  ", holds(Some("toes"), &[1, 1, 1], 20)),
        (Kind::Reps, "2 x 8", reps(2, 8, 0)),
        (Kind::Reps, "3 x 6 pause 3s", reps(3, 6, 3)),
        (Kind::Walk, "3 x 5min", Dose::Walk { bouts: 3, minutes: 5 }),
        (Kind::Carry, "3 x 60s", Dose::Carry { sets: 3, secs: 60 }),
    ] {
        assert_eq!(Dose::parse(kind, text).unwrap(), want, "{kind:?} {text:?}");
    }
}

#[test]
fn defaults_fill_what_an_exercise_leaves_out() {
    let c = Catalog::parse(
        "[[exercise]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = [\"1 x 5\", \"2 x 5\"]\n",
    )
    .unwrap();
    let e = c.get("x").unwrap();
    assert_eq!((e.group, e.per_side, e.default), (Group::Strength, false, false));
    assert_eq!((e.set_label.as_deref(), e.flexion_cue.as_deref()), (None, None));
    assert!(e.cues.is_empty() && e.figure.is_empty());
    assert_eq!((e.start(Level::Beginner), e.start(Level::Active)), (1, 1));
    assert_eq!((e.cap(Level::Beginner), e.cap(Level::Active)), (2, 2));
}

#[test]
fn unknown_fields_are_rejected() {
    let base = "[[exercise]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = [\"1 x 5\"]\n";
    for extra in ["colour = \"red\"\n", "\n[other]\nkey = 1\n"] {
        let err = Catalog::parse(&format!("{base}{extra}")).unwrap_err().to_string();
        assert!(err.contains("unknown field"), "{extra:?}: {err}");
    }
}
