//! Edits of a stored pod template (`kubectl set image`, `kubectl rollout restart`): the
//! template's canonical JSON is decoded back into the k8s-openapi type, edited, and rebuilt into
//! the model exactly as loading builds it, so that the canonical JSON (and with it the revision
//! hash, R3.9) changes exactly when the API object would.
//!
//! Deliberately absent: defaulting (the stored template is already defaulted, and the API server
//! defaults only unset fields) and validation (the edits cannot make a valid template invalid).

use crate::model;
use k8s_openapi::api::core::v1::PodTemplateSpec;

/// An edit of a stored pod template, as data (it crosses to the page's reader module as JSON).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TemplateEdit {
    /// `kubectl set image`: `(container or "*", image)` pairs; the first pair that names a
    /// container (or `*`) sets its image, in containers and init containers alike.
    SetImages(Vec<(String, String)>),
    /// `kubectl rollout restart`: one template annotation set.
    Annotate { key: String, value: String },
}

impl TemplateEdit {
    /// The image `SetImages` gives the container `name`, if any.
    pub fn image_for(&self, name: &str) -> Option<&str> {
        match self {
            TemplateEdit::SetImages(images) => images
                .iter()
                .find(|(c, _)| c == "*" || c == name)
                .map(|(_, i)| i.as_str()),
            TemplateEdit::Annotate { .. } => None,
        }
    }

    /// Applies the edit to the decoded API object.
    fn apply(&self, t: &mut PodTemplateSpec) {
        match self {
            TemplateEdit::SetImages(_) => {
                if let Some(spec) = t.spec.as_mut() {
                    for c in spec
                        .containers
                        .iter_mut()
                        .chain(spec.init_containers.iter_mut().flatten())
                    {
                        if let Some(image) = self.image_for(&c.name) {
                            c.image = Some(image.to_string());
                        }
                    }
                }
            }
            TemplateEdit::Annotate { key, value } => {
                t.metadata
                    .get_or_insert_with(Default::default)
                    .annotations
                    .get_or_insert_with(Default::default)
                    .insert(key.clone(), value.clone());
            }
        }
    }
}

/// Applies `edit` to the template; `None` when its canonical JSON does not decode (a template
/// built by hand rather than loaded from a manifest).
pub fn edit_template(
    template: &model::PodTemplate,
    edit: &TemplateEdit,
) -> Option<model::PodTemplate> {
    // Through the page's one k8s-openapi deserializer (see `value_de`): a second deserializer
    // type would instantiate the whole PodSpec visitor tree a second time.
    let value: serde_json::Value = serde_json::from_str(&template.canonical_json).ok()?;
    let mut spec: PodTemplateSpec = super::decode::decode_lenient(&value)?;
    edit.apply(&mut spec);
    Some(super::convert::pod_template(&spec))
}
