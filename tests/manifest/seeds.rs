//! The course-note manifests (`/work/shared/seeds`, kept as built-in examples) and the default
//! cluster load as a cluster would take them; the broken one is rejected exactly as the API
//! server rejects it (T35, R6.9).

use super::check::{actual, check};
use daemonset_playground::examples;
use daemonset_playground::manifest::{load, Object};

#[test]
fn every_example_but_the_broken_one_loads_as_one_daemonset() {
    for example in examples::all() {
        if example.id == "spot-the-mistake" {
            continue;
        }
        let loaded = load(example.yaml());
        assert_eq!(actual(example.yaml()), "", "{}", example.id);
        assert_eq!(loaded.objects.len(), 1, "{}", example.id);
        assert!(
            matches!(loaded.objects[0].object, Object::DaemonSet(_)),
            "{}",
            example.id
        );
    }
}

#[test]
fn t35_the_broken_seed_is_rejected_with_exactly_the_strict_decoding_error() {
    let broken = examples::find("spot-the-mistake").expect("example exists");
    check(
        broken.yaml(),
        "Error from server (BadRequest): error when creating \"ds.yaml\": DaemonSet in version \"v1\" cannot be handled as a DaemonSet: strict decoding error: unknown field \"spec.selector.matchLables\", unknown field \"spec.selector.template\"\n\
         @7 spec.selector.matchLables\n\
         @9 spec.selector.template\n",
    );
    assert!(load(broken.yaml()).objects.is_empty());
}

#[test]
fn the_seed_namespaces_and_names_are_kept() {
    let names: Vec<(String, String)> = examples::all()
        .iter()
        .filter_map(|e| match &load(e.yaml()).objects.first()?.object {
            Object::DaemonSet(ds) => Some((ds.namespace.clone(), ds.name.clone())),
            _ => None,
        })
        .collect();
    for expected in [
        ("default", "monitoring-daemon"),
        ("tkr-system", "liberator"),
        ("kube-system", "fluentd-elasticsearch"),
        ("default", "random-refresher"),
    ] {
        assert!(
            names.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {names:?}"
        );
    }
}

#[test]
fn the_default_cluster_is_a_control_plane_and_four_workers_in_order() {
    let loaded = load(examples::DEFAULT_CLUSTER);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let summary: Vec<String> = loaded
        .objects
        .iter()
        .map(|o| match &o.object {
            Object::Node(n) => {
                let alloc = n.allocatable.as_ref().map(|a| {
                    a.iter()
                        .map(|(k, q)| format!("{k}={q}"))
                        .collect::<Vec<_>>()
                        .join(",")
                });
                let taints: Vec<String> = n.taints.iter().map(|t| t.to_kubectl_string()).collect();
                format!(
                    "{} roles={} taints=[{}] allocatable={} line={}",
                    n.name,
                    n.roles(),
                    taints.join(","),
                    alloc.unwrap_or_default(),
                    o.line.unwrap_or(0)
                )
            }
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        summary.join("\n"),
        "control-plane roles=control-plane taints=[node-role.kubernetes.io/control-plane:NoSchedule] allocatable=cpu=2,memory=2Gi,pods=110 line=2\n\
         node-1 roles=<none> taints=[] allocatable=cpu=2,memory=4Gi,pods=110 line=28\n\
         node-2 roles=<none> taints=[] allocatable=cpu=2,memory=4Gi,pods=110 line=48\n\
         node-3 roles=<none> taints=[] allocatable=cpu=2,memory=4Gi,pods=110 line=68\n\
         node-4 roles=<none> taints=[] allocatable=cpu=2,memory=4Gi,pods=110 line=88"
    );
    let Object::Node(cp) = &loaded.objects[0].object else {
        panic!("a node");
    };
    assert!(cp.is_control_plane());
    assert!(cp
        .labels
        .contains_key("node.kubernetes.io/exclude-from-external-load-balancers"));
    assert_eq!(
        cp.labels.get("kubernetes.io/os").map(String::as_str),
        Some("linux")
    );
}
