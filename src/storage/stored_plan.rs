//! The JSON form of a plan, format version 1: each stored type's fields, in their
//! stored order. The names and the order are the stored text (`tests/formats/v1/`);
//! renaming a field or a variant needs a new version and a migration in `format`.

use super::codec::{by_name, expected, read_name, stored_struct, Fields, FromJson, ObjectOut, ShapeError, ToJson};
use super::json::{write_text, Json};
use crate::domain::kap::{
    BothDosing, ContraindicationScreen, KapSettings, Placement, Readiness, ScreenAnswer, WhoDoses,
};
use crate::domain::limits::RuleLimits;
use crate::domain::model::*;

by_name!(IntensiveKind, Partner, PlanStatus, BlockKind, Modality, WhoDoses, Placement, BothDosing, ScreenAnswer);

impl ToJson for BlockId {
    fn write_json(&self, out: &mut String) {
        self.0.write_json(out);
    }
}

impl FromJson for BlockId {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        u32::read_json(value).map(BlockId)
    }
}

/// Who takes part: a name alone, or `{"OneWithTherapist":"A"}` for the variants
/// that name a partner.
impl ToJson for Participants {
    fn write_json(&self, out: &mut String) {
        let (name, partner) = match self {
            Participants::BothWithTherapist => ("BothWithTherapist", None),
            Participants::OneWithTherapist(p) => ("OneWithTherapist", Some(p)),
            Participants::CoupleOnTheirOwn => ("CoupleOnTheirOwn", None),
            Participants::OneOnTheirOwn(p) => ("OneOnTheirOwn", Some(p)),
        };
        match partner {
            Some(partner) => ObjectOut::new(out).field(name, partner).end(),
            None => write_text(out, name),
        }
    }
}

impl FromJson for Participants {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        if let Json::Object(fields) = value {
            if let [(name, _)] = fields.as_slice() {
                let fields = Fields::of(value)?;
                match name.as_ref() {
                    "OneWithTherapist" => return fields.get("OneWithTherapist").map(Participants::OneWithTherapist),
                    "OneOnTheirOwn" => return fields.get("OneOnTheirOwn").map(Participants::OneOnTheirOwn),
                    _ => {}
                }
            }
        }
        const ALONE: [Participants; 2] = [Participants::BothWithTherapist, Participants::CoupleOnTheirOwn];
        read_name(value, &["BothWithTherapist", "CoupleOnTheirOwn"]).map(|index| ALONE[index]).or_else(|_| {
            expected(
                "\"BothWithTherapist\", \"CoupleOnTheirOwn\", {\"OneWithTherapist\": \"A\" or \"B\"} \
                 or {\"OneOnTheirOwn\": \"A\" or \"B\"}",
            )
        })
    }
}

stored_struct!(PartnerSet { a, b });
stored_struct!(Partners { a, b });
stored_struct!(Therapist { name, contact });
stored_struct!(DayWindow { start, end });
stored_struct!(ChecklistItem { text, done });
stored_struct!(CoupleReview { reviewed_on });
stored_struct!(Block {
    id,
    kind,
    day,
    start,
    minutes,
    title,
    who,
    kap_for,
    modality,
    couple_notes,
    private_notes,
    checklist,
    couple_question,
});
stored_struct!(ContraindicationScreen {
    blood_pressure_or_heart,
    pregnancy_or_breastfeeding,
    psychosis_or_mania_history,
    recent_brain_injury,
    prescriber_cleared,
});
stored_struct!(Readiness { medical_intake_done, prescription_confirmed, consent_signed, screen, ride_home_driver });
stored_struct!(KapSettings { who_doses, placement, both_dosing, sessions_per_partner, readiness_a, readiness_b });
stored_struct!(RuleLimits {
    fasting_hours,
    max_dosings_per_partner,
    min_hours_between_dosings,
    integration_window_hours,
    max_minutes_without_break,
    dosing_min_minutes,
    dosing_max_minutes,
    full_day_hours,
});

impl ToJson for Plan {
    fn write_json(&self, out: &mut String) {
        let object = ObjectOut::new(out)
            .field("id", &self.id)
            .field("revision", &self.revision)
            .field("title", &self.title)
            .field("kind", &self.kind)
            .field("partners", &self.partners)
            .field("therapist", &self.therapist)
            .field("location", &self.location)
            .field("first_day", &self.first_day)
            .field("days", &self.days)
            .field("status", &self.status)
            .field("blocks", &self.blocks)
            .field("kap", &self.kap)
            .field("limits", &self.limits)
            .field("review", &self.review)
            .field("next_block_id", &self.next_block_id);
        // Left out when empty, so plans that were never shared keep their old text.
        match &self.shared_from {
            Some(from) => object.field("shared_from", from).end(),
            None => object.end(),
        }
    }
}

impl FromJson for Plan {
    fn read_json(value: &Json) -> Result<Self, ShapeError> {
        let fields = Fields::of(value)?;
        Ok(Plan {
            id: fields.get("id")?,
            revision: fields.get("revision")?,
            title: fields.get("title")?,
            kind: fields.get("kind")?,
            partners: fields.get("partners")?,
            therapist: fields.get("therapist")?,
            location: fields.get("location")?,
            first_day: fields.get("first_day")?,
            days: fields.get("days")?,
            status: fields.get("status")?,
            blocks: fields.get("blocks")?,
            kap: fields.get("kap")?,
            limits: fields.get("limits")?,
            review: fields.get("review")?,
            next_block_id: fields.get("next_block_id")?,
            shared_from: fields.get("shared_from")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_plan;
    use crate::storage::codec::to_json;
    use crate::storage::json::parse;
    use chrono::{NaiveDate, NaiveTime};

    fn read<T: FromJson>(text: &str) -> Result<T, String> {
        T::read_json(&parse(text).map_err(|e| e.to_string())?).map_err(|e| e.to_string())
    }

    #[test]
    fn a_wrong_shape_says_what_and_where() {
        let mut plan = to_json(&sample_plan(2, 3));
        assert_eq!(read::<Plan>(&plan).map(|p| p.blocks.len()), Ok(sample_plan(2, 3).blocks.len()));
        plan = plan.replacen("\"minutes\":", "\"minutes\":-", 2).replacen("\"minutes\":-", "\"minutes\":", 1);
        assert_eq!(
            read::<Plan>(&plan).map(|_| ()),
            Err("blocks[1].minutes: expected a whole number from 0 to 65535".into())
        );
        let cases = [
            ("\"x\"", "expected an object { … }"),
            ("{\"a\":true}", "missing field `b`"),
            ("{\"a\":true,\"b\":false,\"a\":false}", "the field `a` appears twice"),
            ("{\"a\":1,\"b\":false}", "a: expected true or false"),
        ];
        for (text, message) in cases {
            assert_eq!(read::<PartnerSet>(text).map(|_| ()), Err(message.to_string()), "{text}");
        }
        assert_eq!(read::<Vec<u8>>("[1, 256]"), Err("[1]: expected a whole number from 0 to 255".into()));
        assert_eq!(read::<BlockKind>("\"Nap\"").map(|_| ()).unwrap_err().split(", ").count(), 14);
        assert_eq!(read::<NaiveTime>("\"9h\""), Err("\"9h\" is not a time (HH:MM:SS)".into()));
        assert_eq!(read::<NaiveDate>("\"2026-13-01\""), Err("\"2026-13-01\" is not a date (YYYY-MM-DD)".into()));
        assert_eq!(read::<Participants>("{\"OneOnTheirOwn\":\"B\"}"), Ok(Participants::OneOnTheirOwn(Partner::B)));
        assert!(read::<Participants>("{\"OneOnTheirOwn\":\"C\"}").unwrap_err().starts_with("OneOnTheirOwn: expected"));
        assert!(read::<Participants>("{\"BothWithTherapist\":\"A\"}").is_err());
        assert_eq!(read::<Option<u8>>("null"), Ok(None));
        assert_eq!(read::<u64>("18446744073709551615"), Ok(u64::MAX));
        assert!(read::<u64>("18446744073709551616").is_err());
        assert!(read::<u8>("1.0").is_err());
    }
}
