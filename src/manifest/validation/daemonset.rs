//! DaemonSet validation, ported from pkg/apis/apps/validation/validation.go (`ValidateDaemonSet`,
//! `ValidateDaemonSetSpec`, `ValidateDaemonSetUpdateStrategy`, `ValidateRollingUpdateDaemonSet`,
//! `ValidatePositiveIntOrPercent`, `IsNotMoreThan100Percent`) and core's
//! `ValidatePodTemplateSpec`, run on the defaulted object as the API server runs it (semantics
//! R6.3–R6.8). The selector-immutability check of an update is in `update`.

use super::{content, meta, pod_spec};
use crate::manifest::field_error::{BadValue, FieldError};
use crate::manifest::field_path::FieldPath;
use crate::manifest::messages as m;
use k8s_openapi::api::apps::v1::{DaemonSet, DaemonSetUpdateStrategy, RollingUpdateDaemonSet};
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

/// `ValidateDaemonSet`. `selector_given` says whether the manifest had a non-null
/// `spec.selector` (k8s-openapi cannot tell a missing selector from an empty one).
pub(crate) fn daemonset(ds: &DaemonSet, selector_given: bool) -> Vec<FieldError> {
    let mut errs = meta::object_meta(&ds.metadata, true, &FieldPath::new("metadata"));
    let spec_path = FieldPath::new("spec");
    let spec = &ds.spec;
    let selector = selector_given.then_some(&spec.selector);
    if let Some(selector) = selector {
        errs.extend(meta::label_selector(selector, &spec_path.child("selector")));
    }
    let template_labels = spec
        .template
        .metadata
        .as_ref()
        .and_then(|m| m.labels.as_ref());
    // `LabelSelectorAsSelector`: nil selects nothing, empty selects everything, and a selector
    // that does not parse yields an error (and no mismatch message).
    let matches = match selector {
        None => Some(false),
        Some(s) if !meta::selector_parses(s) => None,
        Some(s) => Some(selector_matches(s, template_labels)),
    };
    if matches == Some(false) {
        errs.push(FieldError::invalid(
            spec_path
                .child("template")
                .child("metadata")
                .child("labels"),
            BadValue::Raw(m::go_string_map(template_labels)),
            m::SELECTOR_DOES_NOT_MATCH,
        ));
    }
    if let Some(s) = selector {
        let count = s.match_labels.as_ref().map_or(0, |l| l.len())
            + s.match_expressions.as_ref().map_or(0, |e| e.len());
        if count == 0 {
            errs.push(FieldError::invalid(
                spec_path.child("selector"),
                BadValue::Raw(meta::selector_literal(s)),
                m::EMPTY_SELECTOR_DAEMONSET,
            ));
        }
    }
    errs.extend(pod_template_spec(
        &spec.template,
        &spec_path.child("template"),
    ));
    let template_spec = spec.template.spec.as_ref();
    let restart_policy = template_spec
        .and_then(|s| s.restart_policy.as_deref())
        .unwrap_or("");
    if restart_policy != "Always" {
        errs.push(FieldError::not_supported(
            spec_path
                .child("template")
                .child("spec")
                .child("restartPolicy"),
            BadValue::Str(restart_policy.to_string()),
            &["Always"],
        ));
    }
    if template_spec.is_some_and(|s| s.active_deadline_seconds.is_some()) {
        errs.push(FieldError::forbidden(
            spec_path
                .child("template")
                .child("spec")
                .child("activeDeadlineSeconds"),
            m::ACTIVE_DEADLINE_DAEMONSET,
        ));
    }
    let min_ready = i64::from(spec.min_ready_seconds.unwrap_or(0));
    if min_ready < 0 {
        errs.push(FieldError::invalid(
            spec_path.child("minReadySeconds"),
            BadValue::Int(min_ready),
            m::IS_NEGATIVE,
        ));
    }
    if let Some(strategy) = &spec.update_strategy {
        errs.extend(update_strategy(
            strategy,
            &spec_path.child("updateStrategy"),
        ));
    }
    if let Some(limit) = spec.revision_history_limit {
        if limit < 0 {
            errs.push(FieldError::invalid(
                spec_path.child("revisionHistoryLimit"),
                BadValue::Int(i64::from(limit)),
                m::IS_NEGATIVE,
            ));
        }
    }
    errs
}

/// Whether a parsable selector selects the given labels (`labels.Selector.Matches`).
fn selector_matches(selector: &LabelSelector, labels: Option<&BTreeMap<String, String>>) -> bool {
    let empty = BTreeMap::new();
    let labels = labels.unwrap_or(&empty);
    let labels_ok = selector
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    let expressions_ok = selector.match_expressions.iter().flatten().all(|r| {
        let values = r.values.as_deref().unwrap_or(&[]);
        let value = labels.get(&r.key);
        match r.operator.as_str() {
            "In" => value.is_some_and(|v| values.contains(v)),
            "NotIn" => value.is_none_or(|v| !values.contains(v)),
            "Exists" => value.is_some(),
            _ => value.is_none(),
        }
    });
    labels_ok && expressions_ok
}

/// `ValidatePodTemplateSpec`. Template labels are named `spec.template.labels` upstream.
pub(crate) fn pod_template_spec(template: &PodTemplateSpec, path: &FieldPath) -> Vec<FieldError> {
    let metadata = template.metadata.as_ref();
    let meta_location = path.child("metadata");
    let mut errs = meta::labels(
        metadata.and_then(|m| m.labels.as_ref()),
        &path.child("labels"),
        &meta_location.child("labels"),
    );
    errs.extend(meta::annotations(
        metadata.and_then(|m| m.annotations.as_ref()),
        &path.child("annotations"),
        &meta_location.child("annotations"),
    ));
    if let Some(spec) = &template.spec {
        errs.extend(pod_spec::pod_spec(
            spec,
            &path.child("spec"),
            pod_spec::Options::default(),
        ));
        if spec
            .ephemeral_containers
            .as_ref()
            .is_some_and(|e| !e.is_empty())
        {
            errs.push(FieldError::forbidden(
                path.child("spec").child("ephemeralContainers"),
                m::EPHEMERAL_IN_TEMPLATE,
            ));
        }
    }
    errs
}

/// `ValidateDaemonSetUpdateStrategy`.
fn update_strategy(strategy: &DaemonSetUpdateStrategy, path: &FieldPath) -> Vec<FieldError> {
    let type_ = strategy.type_.as_deref().unwrap_or("");
    match type_ {
        "OnDelete" => Vec::new(),
        "RollingUpdate" => match &strategy.rolling_update {
            None => vec![FieldError::required(path.child("rollingUpdate"), "")],
            Some(rolling) => rolling_update(rolling, &path.child("rollingUpdate")),
        },
        _ => vec![FieldError::not_supported(
            path.clone(),
            BadValue::Raw(m::go_update_strategy(
                type_,
                strategy.rolling_update.is_some(),
            )),
            &["RollingUpdate", "OnDelete"],
        )],
    }
}

/// `intstr.IntOrString.String()`.
fn int_or_string_text(value: &IntOrString) -> String {
    match value {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    }
}

/// `getPercentValue`.
fn percent_value(value: &IntOrString) -> Option<i64> {
    match value {
        IntOrString::String(s) if content::percent(s).is_empty() => {
            s.trim_end_matches('%').parse::<i64>().ok()
        }
        _ => None,
    }
}

/// `getIntOrPercentValue` (a non-numeric string counts as 0, like `IntValue()`).
fn int_or_percent_value(value: &IntOrString) -> i64 {
    if let Some(p) = percent_value(value) {
        return p;
    }
    match value {
        IntOrString::Int(i) => i64::from(*i),
        IntOrString::String(s) => s.parse::<i64>().unwrap_or(0),
    }
}

/// `ValidatePositiveIntOrPercent`.
fn positive_int_or_percent(value: &IntOrString, path: &FieldPath) -> Vec<FieldError> {
    let shown = BadValue::Raw(int_or_string_text(value));
    match value {
        IntOrString::String(s) => content::percent(s)
            .into_iter()
            .map(|msg| FieldError::invalid(path.clone(), shown.clone(), &msg))
            .collect(),
        IntOrString::Int(i) if *i < 0 => {
            vec![FieldError::invalid(
                path.clone(),
                BadValue::Int(i64::from(*i)),
                m::IS_NEGATIVE,
            )]
        }
        IntOrString::Int(_) => Vec::new(),
    }
}

/// `ValidateRollingUpdateDaemonSet`.
fn rolling_update(rolling: &RollingUpdateDaemonSet, path: &FieldPath) -> Vec<FieldError> {
    let zero = IntOrString::Int(0);
    let max_unavailable = rolling.max_unavailable.as_ref().unwrap_or(&zero);
    let max_surge = rolling.max_surge.as_ref().unwrap_or(&zero);
    let mu_path = path.child("maxUnavailable");
    let ms_path = path.child("maxSurge");
    let mut errs = positive_int_or_percent(max_unavailable, &mu_path);
    errs.extend(positive_int_or_percent(max_surge, &ms_path));
    for (value, p) in [(max_unavailable, &mu_path), (max_surge, &ms_path)] {
        if percent_value(value).is_some_and(|v| v > 100) {
            errs.push(FieldError::invalid(
                p.clone(),
                BadValue::Raw(int_or_string_text(value)),
                m::NOT_MORE_THAN_100_PERCENT,
            ));
        }
    }
    let has_unavailable = int_or_percent_value(max_unavailable) != 0;
    let has_surge = int_or_percent_value(max_surge) != 0;
    if has_unavailable && has_surge {
        errs.push(FieldError::invalid(
            ms_path,
            BadValue::Raw(int_or_string_text(max_surge)),
            m::MAX_SURGE_WITH_MAX_UNAVAILABLE,
        ));
    } else if !has_unavailable && !has_surge {
        errs.push(FieldError::required(mu_path, m::MAX_UNAVAILABLE_ZERO));
    }
    errs
}
