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
            "farmer-carry",
            "goblet-squat",
            "romanian-deadlift",
            "one-arm-row",
            "suitcase-carry"
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
fn walk_ladder_never_jumps() {
    // COACHING.md "Walk ladder, revised": a step up never lowers the day's walking and a step
    // back always does; the longest bout grows by at most 10% (at least 1 min) a step.
    let catalog = Catalog::builtin();
    let walk = catalog.get("walk").unwrap();
    let longest: Vec<u32> = walk.steps.iter().map(|d| d.walk_minutes().unwrap()).collect();
    let total: Vec<u32> = walk.steps.iter().map(|d| d.walk_total().unwrap()).collect();
    for (i, (l, t)) in longest.windows(2).zip(total.windows(2)).enumerate() {
        let step = i + 1;
        assert!(l[1] > l[0] && l[1] - l[0] <= (l[0] / 10).max(1), "step {step}: bout {} -> {}", l[0], l[1]);
        assert!(t[1] > t[0], "step {step}: day total {} -> {} does not grow", t[0], t[1]);
    }
    for d in &walk.steps {
        let Dose::Walk { bouts } = d else { panic!() };
        assert!(bouts.windows(2).all(|w| w[0] >= w[1]), "{bouts:?}: the main bout comes first");
        assert!(bouts[1..].iter().all(|m| *m <= 5), "{bouts:?}: top-ups are short");
    }
    // A 20-min bout at step 16 (week 15 of weekly advances) and 30 min at step 21 (week 20).
    assert_eq!((longest[15], longest[20], longest[28]), (20, 30, 60));
    assert_eq!(walk.start(Level::Active), 21);
    assert_eq!(walk.cap(Level::Beginner), 21);
    assert_eq!(walk.cap(Level::Active), 29);
}

#[test]
fn variants_are_in_the_catalog() {
    let c = Catalog::builtin();
    let ids = |id: &str| c.get(id).unwrap().variants.iter().map(|v| v.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids("thoracic-extension"), ["chair", "towel"]);
    assert_eq!(ids("curl-up"), ["dead-bug"]);
    assert_eq!(ids("side-bridge"), ["wall"]);
    assert_eq!(ids("bird-dog"), ["arm-only", "leg-only"]);
    assert_eq!(ids("walk"), ["bike", "elliptical", "pool", "swim", "other"]);
    assert!(!c.get("thoracic-extension").unwrap().variant("chair").unwrap().easier, "same load, no roller");
    assert_eq!(c.get("curl-up").unwrap().alternative().unwrap().name, "Dead bug instead");
    assert!(c.get("hamstring-stretch").unwrap().alternative().is_none());
    let twice = "[[exercise]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = [\"1 x 5\"]\n\
                 [[exercise.variant]]\nid = \"a\"\nname = \"A\"\n[[exercise.variant]]\nid = \"a\"\nname = \"B\"\n";
    assert!(Catalog::parse(twice).unwrap_err().to_string().contains("defined twice"));
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
        ("walk", 1, "3 × 5 min"),
        ("walk", 3, "7 + 5 + 5 min"),
        ("walk", 21, "30 + 5 min"),
        ("walk", 29, "1 × 60 min"),
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
        (Kind::Walk, "5+20min"),
        (Kind::Walk, "5+0min"),
        (Kind::Walk, "5+min"),
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
    assert_eq!(parsed.exercises().len(), 15);
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
        (Kind::Walk, "3 x 5min", Dose::Walk { bouts: vec![5, 5, 5] }),
        (Kind::Walk, "20+5+4min", Dose::Walk { bouts: vec![20, 5, 4] }),
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

/// Issue 20.6: the cue fixes of the second clinical review.
#[test]
fn cues_of_the_second_review() {
    let catalog = Catalog::builtin();
    let cues = |id: &str| catalog.get(id).unwrap().cues.join(" ");
    let cases = [
        ("bird-dog", "no higher than the hip"),
        ("curl-up", "neck long"),
        ("curl-up", "lift the chest a little"),
        ("curl-up", "swap legs"),
        ("farmer-carry", "Pick weights"),
    ];
    for (id, want) in cases {
        assert!(cues(id).contains(want), "{id}: {want:?} in {:?}", cues(id));
    }
}
