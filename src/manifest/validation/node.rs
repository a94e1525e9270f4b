//! Node validation, ported from pkg/apis/core/validation/validation.go (`ValidateNode`,
//! `validateNodeTaints`, `ValidateNodeResources`). Upstream names taint errors under
//! `metadata.taints` (the field path is built from the metadata path); the errors keep that
//! name and point at `spec.taints` in the manifest.

use super::{content, meta, pod_spec};
use crate::manifest::field_error::{BadValue, FieldError};
use crate::manifest::field_path::FieldPath;
use crate::manifest::messages as m;
use crate::manifest::quantity_text;
use crate::model::Quantity;
use k8s_openapi::api::core::v1::Node;
use std::collections::{BTreeMap, BTreeSet};

/// `ValidateNode`.
pub(crate) fn node(node: &Node) -> Vec<FieldError> {
    let meta_path = FieldPath::new("metadata");
    let mut errs = meta::object_meta(&node.metadata, false, &meta_path);
    let taints = node
        .spec
        .as_ref()
        .and_then(|s| s.taints.as_deref())
        .unwrap_or(&[]);
    let taints_path = meta_path.child("taints");
    let taints_location = FieldPath::fields(&["spec", "taints"]);
    let mut unique: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (i, taint) in taints.iter().enumerate() {
        let at = taints_path.index(i);
        let loc = taints_location.index(i);
        errs.extend(
            meta::label_name(&taint.key, &at.child("key"))
                .into_iter()
                .map(|e| e.at(loc.child("key"))),
        );
        let value = taint.value.as_deref().unwrap_or("");
        let msgs = content::label_value(value);
        if !msgs.is_empty() {
            errs.push(
                FieldError::invalid(
                    at.child("value"),
                    BadValue::Str(value.to_string()),
                    &msgs.join(";"),
                )
                .at(loc.child("value")),
            );
        }
        if taint.effect.is_empty() {
            errs.push(FieldError::required(at.child("effect"), "").at(loc.child("effect")));
        } else {
            errs.extend(
                pod_spec::taint_effect(&taint.effect, &at.child("effect"))
                    .into_iter()
                    .map(|e| e.at(loc.child("effect"))),
            );
        }
        let keys = unique.entry(taint.effect.as_str()).or_default();
        if keys.contains(taint.key.as_str()) {
            errs.push(
                FieldError::duplicate(
                    at.clone(),
                    BadValue::Raw(m::go_taint(
                        &taint.key,
                        value,
                        &taint.effect,
                        taint.time_added.is_some(),
                    )),
                )
                .with_detail(m::TAINTS_UNIQUE)
                .at(loc),
            );
            continue;
        }
        keys.insert(taint.key.as_str());
    }
    if let Some(status) = &node.status {
        for (list, values) in [
            ("capacity", status.capacity.as_ref()),
            ("allocatable", status.allocatable.as_ref()),
        ] {
            for (name, q) in values.into_iter().flatten() {
                let path = FieldPath::fields(&["status", list, name]);
                let milli = Quantity::parse(&q.0).map(|q| q.milli).unwrap_or(0);
                if milli < 0 {
                    errs.push(FieldError::invalid(
                        path.clone(),
                        BadValue::Str(quantity_text::canonical(&q.0)),
                        m::IS_NEGATIVE,
                    ));
                }
                if is_integer_resource(name) && milli % 1000 != 0 {
                    errs.push(FieldError::invalid(
                        path,
                        BadValue::Raw(quantity_text::canonical(&q.0)),
                        m::IS_NOT_INTEGER,
                    ));
                }
            }
        }
    }
    errs
}

/// `IsIntegerResourceName`: counted resources and extended resources.
fn is_integer_resource(name: &str) -> bool {
    matches!(
        name,
        "pods"
            | "services"
            | "replicationcontrollers"
            | "resourcequotas"
            | "secrets"
            | "configmaps"
            | "persistentvolumeclaims"
            | "services.nodeports"
            | "services.loadbalancers"
    ) || (name.contains('/') && !name.contains("kubernetes.io/"))
}
