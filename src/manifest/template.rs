//! Edits of a stored pod template (`kubectl set image`, `kubectl rollout restart`): the
//! template's canonical JSON is decoded back into the k8s-openapi type, edited, and rebuilt into
//! the model exactly as loading builds it, so that the canonical JSON (and with it the revision
//! hash, R3.9) changes exactly when the API object would.
//!
//! Deliberately absent: defaulting (the stored template is already defaulted, and the API server
//! defaults only unset fields) and validation (the edits cannot make a valid template invalid).

use crate::model;
use k8s_openapi::api::core::v1::PodTemplateSpec;

/// Applies `edit` to the template; `None` when its canonical JSON does not decode (a template
/// built by hand rather than loaded from a manifest).
pub fn edit_template(
    template: &model::PodTemplate,
    edit: impl FnOnce(&mut PodTemplateSpec),
) -> Option<model::PodTemplate> {
    // Through the page's one k8s-openapi deserializer (see `value_de`): a second deserializer
    // type would instantiate the whole PodSpec visitor tree a second time.
    let value: serde_json::Value = serde_json::from_str(&template.canonical_json).ok()?;
    let mut spec: PodTemplateSpec = super::decode::decode_lenient(&value)?;
    edit(&mut spec);
    Some(super::convert::pod_template(&spec))
}
