//! Update-time validation (T36, R6.4): an apps/v1 DaemonSet's selector is immutable.

use daemonset_playground::manifest::{
    load, render_kubectl_errors, validate_daemonset_update, Object,
};
use daemonset_playground::model::DaemonSet;

fn daemonset(selector: &str, labels: &str) -> DaemonSet {
    let text = format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: fluentd\nspec:\n  selector:\n{selector}  template:\n    metadata:\n      labels:\n{labels}    spec:\n      containers:\n      - name: fluentd\n        image: fluentd\n"
    );
    let loaded = load(&text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    match &loaded.objects[0].object {
        Object::DaemonSet(ds) => ds.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn t36_changing_the_selector_is_refused() {
    let old = daemonset(
        "    matchLabels:\n      app: fluentd\n",
        "        app: fluentd\n",
    );
    let new = daemonset(
        "    matchLabels:\n      app: fluentd\n      tier: logs\n",
        "        app: fluentd\n        tier: logs\n",
    );
    let diagnostics = validate_daemonset_update(&old, &new);
    assert_eq!(
        render_kubectl_errors(&diagnostics, "ds.yaml"),
        "The DaemonSet \"fluentd\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"fluentd\", \"tier\":\"logs\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n"
    );
}

#[test]
fn t36_expressions_render_as_match_expressions() {
    let old = daemonset(
        "    matchLabels:\n      app: fluentd\n",
        "        app: fluentd\n",
    );
    let new = daemonset(
        "    matchExpressions:\n    - key: app\n      operator: In\n      values: [fluentd, fluentbit]\n",
        "        app: fluentd\n",
    );
    let diagnostics = validate_daemonset_update(&old, &new);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].message,
        "Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"In\", Values:[]string{\"fluentbit\", \"fluentd\"}}}}: field is immutable"
    );
}

#[test]
fn an_unchanged_selector_passes() {
    let old = daemonset(
        "    matchLabels:\n      app: fluentd\n",
        "        app: fluentd\n",
    );
    let mut new = old.clone();
    new.template.spec.containers[0].image = "fluentd:v2".to_string();
    assert!(validate_daemonset_update(&old, &new).is_empty());
}
