//! Object metadata, labels, annotations and label selectors, ported from
//! apimachinery/pkg/api/validation/objectmeta.go (`ValidateObjectMetaAccessor`,
//! `ValidateAnnotations`, `ValidateOwnerReferences`) and apimachinery/pkg/apis/meta/v1/validation
//! (`ValidateLabels`, `ValidateLabelSelector`, `ValidateLabelSelectorRequirement`), and
//! `metav1.LabelSelectorAsSelector`'s acceptance rules.
//!
//! One deliberate difference: Go iterates label maps in random order; errors here come in key
//! order, so that the output is deterministic.

use super::content;
use crate::manifest::field_error::{BadValue, FieldError};
use crate::manifest::field_path::FieldPath;
use crate::manifest::messages as m;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, OwnerReference};
use std::collections::BTreeMap;

/// `ValidateObjectMeta` with `NameIsDNSSubdomain`; `namespaced` checks the namespace as a DNS
/// label (cluster-scoped objects have theirs cleared before validation).
pub(crate) fn object_meta(
    meta: &ObjectMeta,
    namespaced: bool,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let name = meta.name.as_deref().unwrap_or("");
    if name.is_empty() {
        errs.push(FieldError::required(
            path.child("name"),
            m::NAME_OR_GENERATE_NAME_REQUIRED,
        ));
    } else {
        for msg in content::dns1123_subdomain(name) {
            errs.push(FieldError::invalid(
                path.child("name"),
                BadValue::Str(name.to_string()),
                &msg,
            ));
        }
    }
    if namespaced {
        let namespace = meta.namespace.as_deref().unwrap_or("");
        if namespace.is_empty() {
            errs.push(FieldError::required(path.child("namespace"), ""));
        } else {
            for msg in content::dns1123_label(namespace) {
                errs.push(FieldError::invalid(
                    path.child("namespace"),
                    BadValue::Str(namespace.to_string()),
                    &msg,
                ));
            }
        }
    }
    errs.extend(labels(
        meta.labels.as_ref(),
        &path.child("labels"),
        &path.child("labels"),
    ));
    errs.extend(annotations(
        meta.annotations.as_ref(),
        &path.child("annotations"),
        &path.child("annotations"),
    ));
    errs.extend(owner_references(
        meta.owner_references.as_deref().unwrap_or(&[]),
        &path.child("ownerReferences"),
    ));
    errs
}

/// `ValidateLabels`: every key as a qualified name, every value as a label value. `location` is
/// the map's node in the manifest (labels of a pod template are named `spec.template.labels`
/// but written under `spec.template.metadata.labels`).
pub(crate) fn labels(
    labels: Option<&BTreeMap<String, String>>,
    path: &FieldPath,
    location: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (k, v) in labels.into_iter().flatten() {
        errs.extend(
            label_name(k, path)
                .into_iter()
                .map(|e| e.at(location.key(k))),
        );
        for msg in content::label_value(v) {
            errs.push(
                FieldError::invalid(path.clone(), BadValue::Str(v.clone()), &msg)
                    .at(location.key(k)),
            );
        }
    }
    errs
}

/// `ValidateLabelName`.
pub(crate) fn label_name(name: &str, path: &FieldPath) -> Vec<FieldError> {
    content::label_key(name)
        .into_iter()
        .map(|msg| FieldError::invalid(path.clone(), BadValue::Str(name.to_string()), &msg))
        .collect()
}

/// Total annotation size limit (`TotalAnnotationSizeLimitB`).
const TOTAL_ANNOTATION_SIZE_LIMIT: usize = 256 * 1024;

/// `ValidateAnnotations`: keys are qualified names once lower-cased; total size capped.
pub(crate) fn annotations(
    annotations: Option<&BTreeMap<String, String>>,
    path: &FieldPath,
    location: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut total = 0usize;
    for (k, v) in annotations.into_iter().flatten() {
        for msg in content::label_key(&k.to_lowercase()) {
            errs.push(
                FieldError::invalid(path.clone(), BadValue::Str(k.clone()), &msg)
                    .at(location.key(k)),
            );
        }
        total = total.saturating_add(k.len()).saturating_add(v.len());
    }
    if total > TOTAL_ANNOTATION_SIZE_LIMIT {
        errs.push(FieldError::too_long(
            path.clone(),
            TOTAL_ANNOTATION_SIZE_LIMIT,
        ));
    }
    errs
}

/// `ValidateOwnerReferences` (the list path is used for every field, as upstream does).
fn owner_references(refs: &[OwnerReference], path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut first_controller: Option<String> = None;
    for (i, r) in refs.iter().enumerate() {
        let at = path.index(i);
        let version = r.api_version.rsplit('/').next().unwrap_or("");
        if version.is_empty() {
            errs.push(
                FieldError::invalid(
                    path.child("apiVersion"),
                    BadValue::Str(r.api_version.clone()),
                    m::OWNER_REF_VERSION_EMPTY,
                )
                .at(at.child("apiVersion")),
            );
        }
        for (field, value) in [("kind", &r.kind), ("name", &r.name), ("uid", &r.uid)] {
            if value.is_empty() {
                errs.push(
                    FieldError::invalid(
                        path.child(field),
                        BadValue::Str(String::new()),
                        m::MUST_NOT_BE_EMPTY,
                    )
                    .at(at.child(field)),
                );
            }
        }
        if r.controller == Some(true) {
            let current = format!("{}/{}", r.kind, r.name);
            match &first_controller {
                Some(first) => {
                    let literal: Vec<m::GoOwnerReference<'_>> = refs
                        .iter()
                        .map(|o| m::GoOwnerReference {
                            api_version: &o.api_version,
                            kind: &o.kind,
                            name: &o.name,
                            uid: &o.uid,
                            controller: o.controller,
                            block_owner_deletion: o.block_owner_deletion,
                        })
                        .collect();
                    errs.push(
                        FieldError::invalid(
                            path.clone(),
                            BadValue::Raw(m::go_owner_references(&literal)),
                            &m::only_one_controller(first, &current),
                        )
                        .at(at),
                    );
                }
                None => first_controller = Some(current),
            }
        }
    }
    errs
}

/// `ValidateLabelSelector` with `AllowInvalidLabelValueInSelector: false`.
pub(crate) fn label_selector(selector: &LabelSelector, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = labels(
        selector.match_labels.as_ref(),
        &path.child("matchLabels"),
        &path.child("matchLabels"),
    );
    for (i, r) in selector.match_expressions.iter().flatten().enumerate() {
        let at = path.child("matchExpressions").index(i);
        let values = r.values.as_deref().unwrap_or(&[]);
        match r.operator.as_str() {
            "In" | "NotIn" => {
                if values.is_empty() {
                    errs.push(FieldError::required(
                        at.child("values"),
                        m::SELECTOR_VALUES_REQUIRED,
                    ));
                }
            }
            "Exists" | "DoesNotExist" => {
                if !values.is_empty() {
                    errs.push(FieldError::forbidden(
                        at.child("values"),
                        m::SELECTOR_VALUES_FORBIDDEN,
                    ));
                }
            }
            other => errs.push(FieldError::invalid(
                at.child("operator"),
                BadValue::Str(other.to_string()),
                m::NOT_A_VALID_SELECTOR_OPERATOR,
            )),
        }
        errs.extend(label_name(&r.key, &at.child("key")));
        for (j, value) in values.iter().enumerate() {
            for msg in content::label_value(value) {
                errs.push(FieldError::invalid(
                    at.child("values").index(j),
                    BadValue::Str(value.clone()),
                    &msg,
                ));
            }
        }
    }
    errs
}

/// Whether `metav1.LabelSelectorAsSelector` accepts the selector (every key a qualified name,
/// every value a label value, known operators with the right number of values).
pub(crate) fn selector_parses(selector: &LabelSelector) -> bool {
    let labels_ok = selector
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| content::label_key(k).is_empty() && content::label_value(v).is_empty());
    let expressions_ok = selector.match_expressions.iter().flatten().all(|r| {
        let values = r.values.as_deref().unwrap_or(&[]);
        let count_ok = match r.operator.as_str() {
            "In" | "NotIn" => !values.is_empty(),
            "Exists" | "DoesNotExist" => values.is_empty(),
            _ => false,
        };
        count_ok
            && content::label_key(&r.key).is_empty()
            && values.iter().all(|v| content::label_value(v).is_empty())
    });
    labels_ok && expressions_ok
}

/// The Go literal of a selector, for `spec.selector: Invalid value: …`.
pub(crate) fn selector_literal(selector: &LabelSelector) -> String {
    let reqs: Option<Vec<m::GoRequirement<'_>>> = selector.match_expressions.as_ref().map(|rs| {
        rs.iter()
            .map(|r| m::GoRequirement {
                key: &r.key,
                operator: &r.operator,
                values: r.values.as_deref(),
            })
            .collect()
    });
    m::go_label_selector(selector.match_labels.as_ref(), reqs.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r6_3_missing_name() {
        let errs = object_meta(&ObjectMeta::default(), false, &FieldPath::new("metadata"));
        assert_eq!(errs.len(), 1);
        assert_eq!(
            errs[0].to_string(),
            "metadata.name: Required value: name or generateName is required"
        );
    }

    #[test]
    fn r6_5_label_errors_point_at_their_key() {
        let mut map = BTreeMap::new();
        map.insert("bad key".to_string(), "ok".to_string());
        let path = FieldPath::fields(&["metadata", "labels"]);
        let errs = labels(Some(&map), &path, &path);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field.to_string(), "metadata.labels");
        assert_eq!(errs[0].location().to_string(), "metadata.labels[bad key]");
    }
}
