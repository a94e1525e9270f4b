//! The manifest reader as the app calls it: reading manifests (`crate::manifest`, with
//! k8s-openapi and serde_yaml behind it), editing stored templates, and the scenario file's YAML.
//!
//! Everywhere but the page these are direct calls. The page is built with the `lazy-reader`
//! feature, which keeps all of that code out of its first-view wasm (it was over half of it): the
//! reader then lives in a second module, the `playground-reader` binary (`src/reader_web.rs`),
//! that the UI loads on the first edit and installs here as a [`Transport`]. Requests and answers
//! cross in postcard's wire format through [`serve`], which runs the same code as the direct
//! calls (postcard rather than JSON: its decoder is a fraction of serde_json's code in the page,
//! which is the point of the split). Without a transport, the course examples and the default
//! cluster are still read, from `prebuilt.postcard` (kept equal to the reader's own answer by a
//! test); anything else returns `None` ("not yet"),
//! and the caller keeps the request pending (the editor) or waits for the module (the UI's
//! terminal, import and export).
//!
//! Deliberately absent: any JavaScript. The UI provides the transport.

use super::editor_input::EditorObjects;
use super::scenario::{Scenario, ScenarioError};
use super::session::OutScenario;
use crate::command::{Step, StepError};
use crate::manifest::{self, Loaded, TemplateEdit};
use crate::model::PodTemplate;

/// Why a request could not be answered yet, in the words the page shows.
pub const NOT_LOADED: &str = "error: the manifest reader is still loading; try again in a moment";

/// Reads the editor's text: objects with their lines, and diagnostics.
pub fn read_editor(text: &str) -> Option<EditorObjects> {
    #[cfg(feature = "lazy-reader")]
    if let Some(objects) = prebuilt::lookup(text) {
        return Some(objects);
    }
    request(Request::ReadEditor(text))
}

/// The manifest of the built-in example `id` (`None` inside: there is no such example). In the
/// page only the default example's is at hand before the reader module loads.
pub fn example_yaml(id: &str) -> Option<Option<String>> {
    #[cfg(feature = "lazy-reader")]
    if id == crate::examples::DEFAULT_EXAMPLE {
        return Some(Some(crate::examples::DEFAULT_EXAMPLE_YAML.to_string()));
    }
    request(Request::ExampleYaml(id))
}

/// `manifest::load`.
pub fn load(text: &str) -> Option<Loaded> {
    request(Request::Load(text))
}

/// What `load` stands for until the reader is loaded: one diagnostic saying so.
pub fn not_loaded() -> Loaded {
    Loaded {
        objects: Vec::new(),
        diagnostics: vec![diagnostic(NOT_LOADED)],
    }
}

/// `manifest::edit_template`; the inner `None` when the template has no canonical JSON.
pub fn edit_template(template: &PodTemplate, edit: &TemplateEdit) -> Option<Option<PodTemplate>> {
    request(Request::EditTemplate(template, edit))
}

/// A scenario file, read (`scenario::read_scenario`).
pub fn scenario(text: &str) -> Option<Result<Scenario, ScenarioError>> {
    request(Request::Scenario(text))
}

/// One step of the step language, parsed (`command::parse_step`).
pub fn parse_step(text: &str) -> Option<Result<Step, StepError>> {
    request(Request::Step(text))
}

/// A scenario as YAML, for the export; fields that are `None` are left out.
pub(crate) fn scenario_to_yaml(scenario: &OutScenario) -> Option<String> {
    request(Request::ScenarioToYaml(scenario))
}

/// Whether every request can be answered now.
pub fn is_ready() -> bool {
    #[cfg(feature = "lazy-reader")]
    return remote::is_installed();
    #[cfg(not(feature = "lazy-reader"))]
    true
}

/// One request, borrowed.
enum Request<'a> {
    ReadEditor(&'a str),
    ExampleYaml(&'a str),
    Load(&'a str),
    EditTemplate(&'a PodTemplate, &'a TemplateEdit),
    Scenario(&'a str),
    Step(&'a str),
    ScenarioToYaml(&'a OutScenario),
}

impl Request<'_> {
    /// The function name [`serve`] dispatches on.
    #[cfg_attr(not(feature = "lazy-reader"), allow(dead_code))]
    fn function(&self) -> &'static str {
        match self {
            Request::ReadEditor(_) => "read_editor",
            Request::ExampleYaml(_) => "example_yaml",
            Request::Load(_) => "load",
            Request::EditTemplate(..) => "edit_template",
            Request::Scenario(_) => "scenario",
            Request::Step(_) => "step",
            Request::ScenarioToYaml(_) => "scenario_to_yaml",
        }
    }

    /// The request's input as [`serve`] reads it: text as UTF-8, values encoded.
    #[cfg_attr(not(feature = "lazy-reader"), allow(dead_code))]
    fn input(&self) -> Vec<u8> {
        match self {
            Request::ReadEditor(text)
            | Request::ExampleYaml(text)
            | Request::Load(text)
            | Request::Scenario(text)
            | Request::Step(text) => text.as_bytes().to_vec(),
            Request::EditTemplate(template, edit) => encode(&(template, edit)),
            Request::ScenarioToYaml(scenario) => encode(scenario),
        }
    }
}

/// Answers a request directly (every build but the page).
#[cfg(not(feature = "lazy-reader"))]
fn request<T: Answer>(request: Request<'_>) -> Option<T> {
    Some(T::from_direct(answer(&request)))
}

/// Answers a request through the installed transport (the page); `None` until it is installed.
#[cfg(feature = "lazy-reader")]
fn request<T: Answer>(request: Request<'_>) -> Option<T> {
    let answer = remote::call(request.function(), &request.input())?;
    Some(T::decode(&answer))
}

/// What a request answers, whichever way it travelled.
enum Answered {
    ReadEditor(EditorObjects),
    ExampleYaml(Option<String>),
    Load(Loaded),
    EditTemplate(Box<Option<PodTemplate>>),
    Scenario(Result<Scenario, ScenarioError>),
    Step(Result<Step, StepError>),
    ScenarioToYaml(String),
}

/// The direct answer: the one place that calls the reader's code.
fn answer(request: &Request<'_>) -> Answered {
    match request {
        Request::ReadEditor(text) => Answered::ReadEditor(super::editor_input::read(text)),
        Request::ExampleYaml(id) => {
            Answered::ExampleYaml(crate::examples::yaml(id).map(str::to_string))
        }
        Request::Load(text) => Answered::Load(manifest::load(text)),
        Request::EditTemplate(template, edit) => {
            Answered::EditTemplate(Box::new(manifest::edit_template(template, edit)))
        }
        Request::Scenario(text) => Answered::Scenario(super::scenario::read_scenario(text)),
        Request::Step(text) => Answered::Step(crate::command::parse_step(text)),
        Request::ScenarioToYaml(scenario) => Answered::ScenarioToYaml(
            serde_yaml::to_value(scenario)
                .and_then(|v| serde_yaml::to_string(&without_nulls(v)))
                .unwrap_or_default(),
        ),
    }
}

/// A YAML value without its null mapping entries (the scenario's `None` fields).
fn without_nulls(value: serde_yaml::Value) -> serde_yaml::Value {
    use serde_yaml::Value;
    match value {
        Value::Mapping(m) => Value::Mapping(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Sequence(s) => Value::Sequence(s.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// The reader module's side of the transport: answers `function` on `input`, encoded. A request
/// that does not decode (a page and a reader module from different builds) answers nothing,
/// which the page reads as a mismatch.
pub fn serve(function: &str, input: &[u8]) -> Vec<u8> {
    let text = || std::str::from_utf8(input).unwrap_or_default();
    let answered = match function {
        "read_editor" => answer(&Request::ReadEditor(text())),
        "example_yaml" => answer(&Request::ExampleYaml(text())),
        "load" => answer(&Request::Load(text())),
        "scenario" => answer(&Request::Scenario(text())),
        "step" => answer(&Request::Step(text())),
        "edit_template" => match postcard::from_bytes::<(PodTemplate, TemplateEdit)>(input) {
            Ok((template, edit)) => answer(&Request::EditTemplate(&template, &edit)),
            Err(_) => return Vec::new(),
        },
        "scenario_to_yaml" => match postcard::from_bytes::<OutScenario>(input) {
            Ok(scenario) => answer(&Request::ScenarioToYaml(&scenario)),
            Err(_) => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    match answered {
        Answered::ReadEditor(v) => encode(&v),
        Answered::ExampleYaml(v) => encode(&v),
        Answered::Load(v) => encode(&v),
        Answered::EditTemplate(v) => encode(&v),
        Answered::Scenario(v) => encode(&v),
        Answered::Step(v) => encode(&v),
        Answered::ScenarioToYaml(v) => encode(&v),
    }
}

fn encode<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Every type here encodes: postcard fails only on sequences of unknown length.
    postcard::to_allocvec(value).unwrap_or_default()
}

/// A request's answer type: from the direct answer, or decoded from the transport.
trait Answer: Sized + serde::de::DeserializeOwned {
    #[cfg_attr(feature = "lazy-reader", allow(dead_code))]
    fn from_direct(answered: Answered) -> Self;

    /// Decodes an answer; one that does not decode is a page/module mismatch.
    #[cfg_attr(not(feature = "lazy-reader"), allow(dead_code))]
    fn decode(bytes: &[u8]) -> Self;
}

macro_rules! answer {
    ($ty:ty, $variant:ident, $mismatch:expr) => {
        impl Answer for $ty {
            fn from_direct(answered: Answered) -> Self {
                match answered {
                    Answered::$variant(v) => v,
                    _ => $mismatch,
                }
            }

            fn decode(bytes: &[u8]) -> Self {
                postcard::from_bytes(bytes).unwrap_or_else(|_| $mismatch)
            }
        }
    };
}

/// The diagnostic a page shows when its reader module answers in another build's format.
fn mismatch_diagnostic() -> manifest::Diagnostic {
    diagnostic(MISMATCH)
}

/// A diagnostic about the reader itself, not about the text.
fn diagnostic(message: &str) -> manifest::Diagnostic {
    manifest::Diagnostic {
        kind: manifest::DiagnosticKind::Syntax,
        object: None,
        field: None,
        message: message.to_string(),
        line: None,
        column: None,
        document: 0,
    }
}

/// A page and a reader module from different builds (a stale cache): reload.
const MISMATCH: &str = "the page's manifest reader is from another version: reload the page";

answer!(
    EditorObjects,
    ReadEditor,
    EditorObjects {
        objects: Vec::new(),
        diagnostics: vec![super::editor_input::EditorDiagnostic::from_manifest(
            mismatch_diagnostic(),
            None
        )],
        kubectl_stderr: format!("error: {MISMATCH}\n"),
    }
);
answer!(
    Loaded,
    Load,
    Loaded {
        objects: Vec::new(),
        diagnostics: vec![mismatch_diagnostic()],
    }
);
impl Answer for Option<PodTemplate> {
    fn from_direct(answered: Answered) -> Self {
        match answered {
            Answered::EditTemplate(v) => *v,
            _ => None,
        }
    }

    fn decode(bytes: &[u8]) -> Self {
        postcard::from_bytes(bytes).unwrap_or(None)
    }
}
answer!(
    Result<Scenario, ScenarioError>,
    Scenario,
    Err(ScenarioError(format!("error: {MISMATCH}")))
);
answer!(
    Result<Step, StepError>,
    Step,
    Err(StepError(format!("error: {MISMATCH}")))
);
answer!(String, ScenarioToYaml, String::new());
answer!(Option<String>, ExampleYaml, None);

/// The installed transport (the page only).
#[cfg(feature = "lazy-reader")]
mod remote {
    use super::Transport;
    use std::cell::RefCell;

    thread_local! {
        static TRANSPORT: RefCell<Option<Box<dyn Transport>>> = const { RefCell::new(None) };
    }

    pub fn install(transport: Box<dyn Transport>) {
        TRANSPORT.with(|t| *t.borrow_mut() = Some(transport));
    }

    pub fn is_installed() -> bool {
        TRANSPORT.with(|t| t.borrow().is_some())
    }

    pub fn call(function: &str, input: &[u8]) -> Option<Vec<u8>> {
        TRANSPORT.with(|t| t.borrow().as_ref().map(|t| t.call(function, input)))
    }
}

/// How the page reaches its reader module: calls [`serve`] there and returns its answer.
pub trait Transport {
    fn call(&self, function: &str, input: &[u8]) -> Vec<u8>;
}

/// Installs the page's transport; from then on every request is answered.
#[cfg(feature = "lazy-reader")]
pub fn install(transport: Box<dyn Transport>) {
    remote::install(transport);
}

/// The examples' and the default cluster's answers, read without the reader module.
#[cfg(any(test, feature = "lazy-reader"))]
pub mod prebuilt {
    use super::EditorObjects;

    /// `prebuilt.postcard`: `(id, objects)` pairs in [`texts`] order, encoded.
    pub const ANSWERS: &[u8] = include_bytes!("prebuilt.postcard");

    /// The texts `prebuilt.postcard` answers for, by id: what the page shows before any edit.
    pub fn texts() -> [(&'static str, &'static str); 2] {
        [
            ("default-cluster", crate::examples::DEFAULT_CLUSTER),
            (
                crate::examples::DEFAULT_EXAMPLE,
                crate::examples::DEFAULT_EXAMPLE_YAML,
            ),
        ]
    }

    /// The prebuilt answer for `text`, when it is one of [`texts`].
    #[cfg_attr(not(feature = "lazy-reader"), allow(dead_code))]
    pub fn lookup(text: &str) -> Option<EditorObjects> {
        let (id, _) = texts().into_iter().find(|(_, t)| *t == text)?;
        let entries: Vec<(String, EditorObjects)> = postcard::from_bytes(ANSWERS).ok()?;
        entries.into_iter().find(|(i, _)| i == id).map(|(_, o)| o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the page's reader module would answer decodes to the direct answer, for every
    /// example, the default cluster and broken texts.
    #[test]
    fn answers_survive_the_transport() {
        let mut texts: Vec<String> = crate::examples::all()
            .iter()
            .map(|e| e.yaml().to_string())
            .collect();
        texts.push(crate::examples::DEFAULT_CLUSTER.to_string());
        texts.push("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec: 3\n".into());
        texts.push("key: [unclosed\n".into());
        texts.push(String::new());
        for text in &texts {
            let direct = super::super::editor_input::read(text);
            let answer = serve("read_editor", text.as_bytes());
            assert_eq!(EditorObjects::decode(&answer), direct, "{text}");
            let loaded = manifest::load(text);
            assert_eq!(
                Loaded::decode(&serve("load", text.as_bytes())),
                loaded,
                "{text}"
            );
        }
    }

    #[test]
    fn template_edits_and_scenarios_survive_the_transport() {
        let loaded = manifest::load(crate::examples::all()[0].yaml());
        let template = loaded
            .objects
            .iter()
            .find_map(|o| match &o.object {
                manifest::Object::DaemonSet(ds) => Some(ds.template.clone()),
                _ => None,
            })
            .expect("the first example has a DaemonSet");
        let edit = TemplateEdit::SetImages(vec![("*".into(), "busybox:1.37".into())]);
        let direct = manifest::edit_template(&template, &edit);
        assert!(direct.is_some());
        let answer = serve("edit_template", &encode(&(&template, &edit)));
        assert_eq!(Option::<PodTemplate>::decode(&answer), direct);

        let yaml = "kind: Scenario\nversion: 1\ntiming: {pull: 2s}\nsteps:\n- do: kubectl get ds\n  caption: {en: hi, ko: 안녕}\n- apply: |\n    x: 1\n";
        let direct = super::super::scenario::read_scenario(yaml);
        assert!(direct.is_ok(), "{direct:?}");
        let answer = serve("scenario", yaml.as_bytes());
        assert_eq!(Result::<Scenario, ScenarioError>::decode(&answer), direct);
        for step in [
            "kubectl taint nodes node-1 a=b:NoExecute k-",
            "kubectl get pods -l 'app in (x, y)' --field-selector spec.nodeName=node-1 -A -o wide",
            "node add n9 --custom --label a=b --taint x=y:NoSchedule --cpu 500m --pods 3",
            "node condition node-1 Ready=False MemoryPressure=True",
            "kubectl delete ds x --cascade=orphan",
            "kubectl nope",
        ] {
            let direct = crate::command::parse_step(step);
            let answer = serve("step", step.as_bytes());
            assert_eq!(Result::<Step, StepError>::decode(&answer), direct, "{step}");
        }
        let bad = serve("scenario", b"kind: [");
        let bad = Result::<Scenario, ScenarioError>::decode(&bad).expect_err("bad YAML");
        assert!(bad.0.starts_with("error: scenario: "), "{bad:?}");
    }

    #[test]
    fn a_request_from_another_build_answers_nothing_and_decodes_to_an_error() {
        assert!(serve("edit_template", b"\xff\x01").is_empty());
        assert!(serve("no_such_function", b"").is_empty());
        let objects = EditorObjects::decode(&[]);
        assert_eq!(objects.diagnostics.len(), 1);
        assert!(objects.diagnostics[0].message.contains("another version"));
        assert!(Loaded::decode(&[0xff]).diagnostics[0]
            .message
            .contains("another version"));
    }

    /// `prebuilt.postcard` is exactly what the reader answers for its texts. After changing an
    /// example or the reader, rewrite it with `DSP_BLESS=1 cargo test --lib prebuilt`.
    #[test]
    fn prebuilt_answers_are_the_readers_own() {
        let expected: Vec<(String, EditorObjects)> = prebuilt::texts()
            .into_iter()
            .map(|(id, text)| (id.to_string(), super::super::editor_input::read(text)))
            .collect();
        let bytes = encode(&expected);
        if std::env::var_os("DSP_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/app/prebuilt.postcard");
            std::fs::write(path, &bytes).expect("writes prebuilt.postcard");
            return;
        }
        assert!(
            prebuilt::ANSWERS == bytes.as_slice(),
            "src/app/prebuilt.postcard is stale: run `DSP_BLESS=1 cargo test --lib prebuilt`"
        );
        for (id, text) in prebuilt::texts() {
            let expected = super::super::editor_input::read(text);
            assert_eq!(prebuilt::lookup(text), Some(expected), "{id}");
        }
        assert_eq!(prebuilt::lookup("kind: Node\n"), None);
        let example = |id: &str| Option::<String>::decode(&serve("example_yaml", id.as_bytes()));
        assert_eq!(
            example("liberator").as_deref(),
            crate::examples::yaml("liberator")
        );
        assert_eq!(example("nope"), None);
    }
}
