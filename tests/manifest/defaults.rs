//! Defaults (semantics R5): what a DaemonSet, a Node and a Pod look like once the API server
//! has defaulted them.

use daemonset_playground::manifest::{load, Object};
use daemonset_playground::model::{IntOrPercent, UpdateStrategy};

fn only(text: &str) -> Object {
    let loaded = load(text);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.objects.len(), 1);
    loaded.objects[0].object.clone()
}

const DS: &str = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: fluentd\nspec:\n  selector:\n    matchLabels:\n      app: fluentd\n  template:\n    metadata:\n      labels:\n        app: fluentd\n    spec:\n      containers:\n      - name: fluentd\n        image: fluentd\n        ports:\n        - containerPort: 24224\n";

#[test]
fn r5_1_daemonset_defaults() {
    let Object::DaemonSet(ds) = only(DS) else {
        panic!("a DaemonSet")
    };
    assert_eq!(ds.namespace, "default");
    assert_eq!(ds.generation, 1);
    assert_eq!(ds.template_generation, 1);
    assert_eq!(
        ds.annotations
            .get("deprecated.daemonset.template.generation")
            .map(String::as_str),
        Some("1")
    );
    assert_eq!(
        ds.update_strategy,
        UpdateStrategy::RollingUpdate {
            max_unavailable: IntOrPercent::Int(1),
            max_surge: IntOrPercent::Int(0)
        }
    );
    assert_eq!(ds.revision_history_limit, 10);
    assert_eq!(ds.min_ready_seconds, 0);
    assert_eq!(ds.uid, "daemonset-uid-default-fluentd");
    assert_eq!(
        ds.selector.as_ref().map(|s| s.to_string()).as_deref(),
        Some("app=fluentd")
    );
}

#[test]
fn r5_2_pod_template_defaults_are_in_the_canonical_json() {
    let Object::DaemonSet(ds) = only(DS) else {
        panic!("a DaemonSet")
    };
    let spec = &ds.template.spec;
    assert_eq!(spec.restart_policy, "Always");
    assert_eq!(spec.termination_grace_period_seconds, 30);
    assert_eq!(spec.containers[0].ports[0].protocol, "TCP");
    let json = &ds.template.canonical_json;
    for piece in [
        "\"dnsPolicy\":\"ClusterFirst\"",
        "\"schedulerName\":\"default-scheduler\"",
        "\"securityContext\":{}",
        "\"imagePullPolicy\":\"Always\"",
        "\"terminationMessagePath\":\"/dev/termination-log\"",
        "\"terminationMessagePolicy\":\"File\"",
        "\"protocol\":\"TCP\"",
        "\"restartPolicy\":\"Always\"",
        "\"terminationGracePeriodSeconds\":30",
    ] {
        assert!(json.contains(piece), "{piece} in {json}");
    }
    // Deterministic: the same text gives the same JSON.
    let Object::DaemonSet(again) = only(DS) else {
        panic!("a DaemonSet")
    };
    assert_eq!(again.template.canonical_json, *json);
}

#[test]
fn r5_2_tagged_images_pull_if_not_present() {
    let Object::DaemonSet(ds) = only(&DS.replace("image: fluentd\n", "image: fluentd:v1.16\n"))
    else {
        panic!("a DaemonSet")
    };
    assert!(ds
        .template
        .canonical_json
        .contains("\"imagePullPolicy\":\"IfNotPresent\""));
}

#[test]
fn r5_1_on_delete_and_percent_strategies() {
    let on_delete = DS.replace(
        "  selector:",
        "  updateStrategy:\n    type: OnDelete\n  selector:",
    );
    let Object::DaemonSet(ds) = only(&on_delete) else {
        panic!("a DaemonSet")
    };
    assert_eq!(ds.update_strategy, UpdateStrategy::OnDelete);
    let surge = DS.replace(
        "  selector:",
        "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 10%\n      maxUnavailable: 0\n  selector:",
    );
    let Object::DaemonSet(ds) = only(&surge) else {
        panic!("a DaemonSet")
    };
    assert_eq!(
        ds.update_strategy,
        UpdateStrategy::RollingUpdate {
            max_unavailable: IntOrPercent::Int(0),
            max_surge: IntOrPercent::Percent(10)
        }
    );
}

#[test]
fn r5_3_template_requests_are_not_defaulted_from_limits_but_pod_requests_are() {
    let with_limits = DS.replace(
        "        ports:",
        "        resources:\n          limits:\n            cpu: 200m\n        ports:",
    );
    let Object::DaemonSet(ds) = only(&with_limits) else {
        panic!("a DaemonSet")
    };
    assert!(ds.template.spec.containers[0].requests.is_empty(), "T37");
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 8080\n    resources:\n      limits:\n        cpu: 200m\n";
    let Object::Pod(pod) = only(pod) else {
        panic!("a Pod")
    };
    assert_eq!(pod.namespace, "default");
    assert_eq!(
        pod.spec.containers[0].requests.get("cpu").map(|q| q.milli),
        Some(200)
    );
    assert_eq!(pod.spec.containers[0].ports[0].host_port, 8080);
    assert_eq!(pod.status.phase.as_str(), "Pending");
}

#[test]
fn node_allocatable_defaults_to_capacity() {
    let node = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-a\nstatus:\n  capacity:\n    cpu: 4\n    memory: 8Gi\n";
    let Object::Node(n) = only(node) else {
        panic!("a Node")
    };
    let alloc = n.allocatable.expect("defaulted from capacity");
    assert_eq!(alloc.get("cpu").map(|q| q.milli), Some(4000));
    let bare = "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-a\n";
    let Object::Node(n) = only(bare) else {
        panic!("a Node")
    };
    assert!(n.allocatable.is_none());
    assert!(n.is_ready());
    assert_eq!(n.uid, "node-uid-node-a");
}

#[test]
fn pods_keep_their_status_and_owner() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: fluentd-abcde\n  namespace: kube-system\n  ownerReferences:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n    name: fluentd\n    uid: \"1234\"\n    controller: true\nspec:\n  nodeName: node-1\n  containers:\n  - name: fluentd\n    image: fluentd\nstatus:\n  phase: Running\n  conditions:\n  - type: Ready\n    status: \"True\"\n  containerStatuses:\n  - name: fluentd\n    ready: true\n    restartCount: 2\n    image: fluentd\n    imageID: \"\"\n    state:\n      running: {}\n";
    let Object::Pod(pod) = only(pod) else {
        panic!("a Pod")
    };
    assert_eq!(pod.namespace, "kube-system");
    assert!(pod.status.ready);
    assert_eq!(pod.status.restart_count, 2);
    assert_eq!(pod.spec.node_name.as_deref(), Some("node-1"));
    let owner = pod.controller_ref().expect("owned");
    assert_eq!(
        (owner.kind.as_str(), owner.uid.as_str()),
        ("DaemonSet", "1234")
    );
}
