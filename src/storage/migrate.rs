//! Bringing text written by an older format version up to the current one, one version
//! at a time. Each step rewrites the JSON itself, so the current types stay the only
//! typed reading, with its messages naming the place of any problem.
//!
//! Version 1 → 2: a partner's ride home was a name typed as text (`ride_home_driver`);
//! it is now a choice of person (`ride_home`). A name equal to a partner's, ignoring
//! case and spaces, becomes that partner; any other name becomes another adult with
//! that name (and no phone yet, which the ride-home rule asks for); no name, nobody.
//! Version 1 also let the safety limits be set looser than the product brief (up to
//! four doses, no spacing, a week to integrate); they are brought inside the ranges
//! version 2 allows, which only ever makes a rule stricter.

use serde_json::{json, Value};

use super::format::FormatError;
use crate::domain::limits::RuleLimits;

/// `text` in version 1, as version 2 writes it.
pub fn v1_to_v2(text: &str) -> Result<String, FormatError> {
    let mut document: Value = serde_json::from_str(text).map_err(|e| FormatError::NotJson(e.to_string()))?;
    if let Some(plan) = document.get_mut("plan") {
        ride_home_as_a_choice(plan, "")?;
        limits_within_ranges(plan, "")?;
    }
    if let Some(Value::Array(plans)) = document.get_mut("plans") {
        for (index, plan) in plans.iter_mut().enumerate() {
            let place = format!("plans[{index}].");
            ride_home_as_a_choice(plan, &place)?;
            limits_within_ranges(plan, &place)?;
        }
    }
    document["version"] = json!(2);
    serde_json::to_string(&document).map_err(|e| FormatError::Shape(e.to_string()))
}

/// A name without its spaces, in lower case: "Alex " and "alex" are one name.
fn squashed(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

fn limits_within_ranges(plan: &mut Value, place: &str) -> Result<(), FormatError> {
    let Some(stored) = plan.get_mut("limits") else { return Ok(()) };
    let shape = |e: serde_json::Error| FormatError::Shape(format!("{place}limits: {e}"));
    let limits: RuleLimits = serde_json::from_value(stored.clone()).map_err(shape)?;
    *stored = serde_json::to_value(limits.within_ranges()).map_err(shape)?;
    Ok(())
}

fn ride_home_as_a_choice(plan: &mut Value, place: &str) -> Result<(), FormatError> {
    let partner_name = |key: &str| plan.pointer(&format!("/partners/{key}")).and_then(Value::as_str).map(squashed);
    let (a, b) = (partner_name("a"), partner_name("b"));
    for record in ["readiness_a", "readiness_b"] {
        let Some(Value::Object(readiness)) = plan.pointer_mut(&format!("/kap/{record}")) else { continue };
        let Some(Value::String(name)) = readiness.remove("ride_home_driver") else {
            return Err(FormatError::Shape(format!(
                "{place}kap.{record}: missing field `ride_home_driver` (a name in quotes)"
            )));
        };
        let typed = squashed(&name);
        let choice = if typed.is_empty() {
            json!("NotArranged")
        } else if Some(&typed) == a.as_ref() {
            json!({ "Partner": "A" })
        } else if Some(&typed) == b.as_ref() {
            json!({ "Partner": "B" })
        } else {
            json!({ "OtherAdult": { "name": name.trim(), "phone": "" } })
        };
        readiness.insert("ride_home".to_string(), choice);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn driver(named: &str) -> Value {
        let v1 = json!({
            "format": "intensive-planner/plan",
            "version": 1,
            "plan": { "partners": { "a": "Sam Lee", "b": "Alex" },
                      "kap": { "readiness_a": { "ride_home_driver": named }, "readiness_b": { "ride_home_driver": "" } } }
        });
        let v2: Value = serde_json::from_str(&v1_to_v2(&v1.to_string()).expect("migrates")).expect("JSON");
        assert_eq!(v2["version"], json!(2));
        assert_eq!(v2["plan"]["kap"]["readiness_b"]["ride_home"], json!("NotArranged"));
        assert!(v2["plan"]["kap"]["readiness_a"].get("ride_home_driver").is_none());
        v2["plan"]["kap"]["readiness_a"]["ride_home"].clone()
    }

    #[test]
    fn a_typed_driver_becomes_a_person() {
        assert_eq!(driver(" alex "), json!({ "Partner": "B" }));
        assert_eq!(driver("samlee"), json!({ "Partner": "A" }), "spaces and case ignored");
        assert_eq!(driver("Alex (partner)"), json!({ "OtherAdult": { "name": "Alex (partner)", "phone": "" } }));
        assert_eq!(driver(" Jordan Reyes "), json!({ "OtherAdult": { "name": "Jordan Reyes", "phone": "" } }));
        assert_eq!(driver("   "), json!("NotArranged"));
    }

    #[test]
    fn a_record_without_its_driver_says_where() {
        let v1 = json!({ "version": 1, "plans": [{ "kap": { "readiness_a": {} } }] });
        assert_eq!(
            v1_to_v2(&v1.to_string()),
            Err(FormatError::Shape(
                "plans[0].kap.readiness_a: missing field `ride_home_driver` (a name in quotes)".into()
            ))
        );
    }

    #[test]
    fn looser_limits_of_version_1_become_the_loosest_version_2_allows() {
        let mut limits = serde_json::to_value(RuleLimits::default()).expect("limits");
        limits["integration_window_hours"] = json!(168);
        limits["min_hours_between_dosings"] = json!(0);
        limits["max_dosings_per_partner"] = json!(4);
        limits["fasting_hours"] = json!(6);
        let v1 = json!({ "version": 1, "plans": [{ "limits": limits }] });
        let v2: Value = serde_json::from_str(&v1_to_v2(&v1.to_string()).expect("migrates")).expect("JSON");
        let migrated = &v2["plans"][0]["limits"];
        assert_eq!(migrated["integration_window_hours"], json!(72));
        assert_eq!(migrated["min_hours_between_dosings"], json!(24));
        assert_eq!(migrated["max_dosings_per_partner"], json!(2));
        assert_eq!(migrated["fasting_hours"], json!(6), "a stricter limit is kept");
    }
}
