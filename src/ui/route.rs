//! Views live behind the URL fragment so reload and the back button keep them:
//! `#/`, `#/plan/ID`, `#/plan/ID/review`, `#/plan/ID/print`, `#/plan/ID/print/therapist`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Plans,
    Editor(String),
    Review(String),
    Print {
        id: String,
        therapist_copy: bool,
    },
    /// A plan carried in the link itself, opened on the couple's device.
    Share(String),
    /// The couple's answers carried back to the therapist.
    Reply(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // A link's data is everything after its prefix: standard base64 (which a link
        // may have been re-encoded into on its way) has slashes in it.
        if let Some(data) = path.strip_prefix("share/") {
            return Route::Share(data.to_string());
        }
        if let Some(data) = path.strip_prefix("reply/") {
            return Route::Reply(data.to_string());
        }
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["plan", id] => Route::Editor((*id).to_string()),
            ["plan", id, "review"] => Route::Review((*id).to_string()),
            ["plan", id, "print"] => Route::Print { id: (*id).to_string(), therapist_copy: false },
            ["plan", id, "print", "therapist"] => Route::Print { id: (*id).to_string(), therapist_copy: true },
            _ => Route::Plans,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Plans => "#/".to_string(),
            Route::Editor(id) => format!("#/plan/{id}"),
            Route::Review(id) => format!("#/plan/{id}/review"),
            Route::Print { id, therapist_copy: false } => format!("#/plan/{id}/print"),
            Route::Print { id, therapist_copy: true } => format!("#/plan/{id}/print/therapist"),
            Route::Share(data) => format!("#/share/{data}"),
            Route::Reply(data) => format!("#/reply/{data}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        for route in [
            Route::Plans,
            Route::Editor("p1".into()),
            Route::Review("p1".into()),
            Route::Print { id: "p1".into(), therapist_copy: false },
            Route::Print { id: "p1".into(), therapist_copy: true },
            Route::Share("eJwDATA".into()),
            Route::Reply("eJwDATA".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse("#/nonsense/x/y/z"), Route::Plans);
        assert_eq!(Route::parse("#/share/ab/c+d=="), Route::Share("ab/c+d==".into()));
        assert_eq!(Route::parse(""), Route::Plans);
    }
}
