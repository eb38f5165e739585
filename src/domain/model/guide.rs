//! The couple's integration guide: what the days after a dose are for, and the
//! journaling prompts. Defaults the therapist edits per plan; the couple's page and
//! the printed agenda show it after each dosing day.

use serde::{Deserialize, Serialize};

/// Most journaling prompts a guide holds.
pub const MAX_PROMPTS: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationGuide {
    /// What the days of the integration window are for, in the couple's words.
    pub days_for: String,
    pub prompts: Vec<String>,
}

impl Default for IntegrationGuide {
    fn default() -> IntegrationGuide {
        IntegrationGuide {
            days_for: "The days after a dose are for integration: your mind stays especially open, so go gently. \
                       Rest and sleep as much as you need, eat regular, simple meals, drink water, move your body \
                       (a walk outside is enough), and keep time for each other without screens. Put big \
                       decisions off until after your next integration session. Use the prompts below to write \
                       down what came up, alone first, then share what you choose at your next couples check-in. \
                       A few minutes of mindful breathing, or noticing where a feeling sits in the body, helps \
                       before you write."
                .to_string(),
            prompts: [
                "What did I notice, see or feel during the session that I want to remember?",
                "Which part of me showed up most strongly, and what does it want me to know?",
                "Where in my body do I feel what came up, and how does it change as I notice it?",
                "What did I learn about my partner, or about us, that I did not know before?",
                "What do I want to bring to our next couples check-in?",
                "One small thing I will do differently this week:",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}
