//! API-server defaulting applied to decoded objects before validation (semantics R5), ported
//! from pkg/apis/apps/v1/defaults.go (`SetDefaults_DaemonSet`) and pkg/apis/core/v1/defaults.go
//! (`SetDefaults_PodSpec`, `SetDefaults_Container`, `SetDefaults_Probe`, `SetDefaults_Volume`,
//! `SetDefaults_Pod`, `SetDefaults_NodeStatus`, …), plus the namespace kubectl fills in.
//!
//! Deliberately absent: admission (service account, priority from a PriorityClass) and the
//! defaults that only materialise on pods the controller creates (R5.3; the engine does those).

use k8s_openapi::api::apps::v1::{DaemonSet, DaemonSetUpdateStrategy, RollingUpdateDaemonSet};
use k8s_openapi::api::core::v1::{
    Container, EmptyDirVolumeSource, Node, Pod, PodSecurityContext, PodSpec, Probe, Volume,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

/// kubectl's default namespace for namespaced objects that name none.
pub(crate) const DEFAULT_NAMESPACE: &str = "default";

fn default_namespace(meta: &mut ObjectMeta) {
    if meta.namespace.as_deref().unwrap_or("").is_empty() {
        meta.namespace = Some(DEFAULT_NAMESPACE.to_string());
    }
}

/// `SetDefaults_DaemonSet` and the pod template's defaults (R5.1, R5.2).
pub(crate) fn daemonset(ds: &mut DaemonSet) {
    default_namespace(&mut ds.metadata);
    let spec = &mut ds.spec;
    let strategy = spec
        .update_strategy
        .get_or_insert_with(DaemonSetUpdateStrategy::default);
    if strategy.type_.as_deref().unwrap_or("").is_empty() {
        strategy.type_ = Some("RollingUpdate".to_string());
    }
    if strategy.type_.as_deref() == Some("RollingUpdate") {
        let rolling = strategy
            .rolling_update
            .get_or_insert_with(RollingUpdateDaemonSet::default);
        rolling.max_unavailable.get_or_insert(IntOrString::Int(1));
        rolling.max_surge.get_or_insert(IntOrString::Int(0));
    }
    spec.revision_history_limit.get_or_insert(10);
    // The template's spec is a value in Go: it is always there, and always defaulted.
    pod_spec(spec.template.spec.get_or_insert_with(PodSpec::default));
}

/// `SetDefaults_Pod` on top of the pod spec defaults (R5.3 applies to pods).
pub(crate) fn pod(pod: &mut Pod) {
    default_namespace(&mut pod.metadata);
    let spec = pod.spec.get_or_insert_with(PodSpec::default);
    pod_spec(spec);
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut().flatten())
    {
        if let Some(resources) = c.resources.as_mut() {
            if let Some(limits) = resources.limits.clone() {
                let requests = resources.requests.get_or_insert_with(Default::default);
                for (name, q) in limits {
                    requests.entry(name).or_insert(q);
                }
            }
        }
    }
    spec.enable_service_links.get_or_insert(true);
    if spec.host_network == Some(true) {
        for c in spec
            .containers
            .iter_mut()
            .chain(spec.init_containers.iter_mut().flatten())
        {
            for port in c.ports.iter_mut().flatten() {
                if port.host_port.unwrap_or(0) == 0 {
                    port.host_port = Some(port.container_port);
                }
            }
        }
    }
}

/// `SetDefaults_NodeStatus`: allocatable defaults to capacity.
pub(crate) fn node(node: &mut Node) {
    if let Some(status) = node.status.as_mut() {
        if status.allocatable.is_none() {
            status.allocatable = status.capacity.clone();
        }
    }
}

/// `SetDefaults_PodSpec` and the defaults of everything inside a pod spec.
pub(crate) fn pod_spec(spec: &mut PodSpec) {
    if spec.dns_policy.as_deref().unwrap_or("").is_empty() {
        spec.dns_policy = Some("ClusterFirst".to_string());
    }
    if spec.restart_policy.as_deref().unwrap_or("").is_empty() {
        spec.restart_policy = Some("Always".to_string());
    }
    spec.security_context
        .get_or_insert_with(PodSecurityContext::default);
    spec.termination_grace_period_seconds.get_or_insert(30);
    if spec.scheduler_name.as_deref().unwrap_or("").is_empty() {
        spec.scheduler_name = Some("default-scheduler".to_string());
    }
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut().flatten())
    {
        container(c);
    }
    for v in spec.volumes.iter_mut().flatten() {
        volume(v);
    }
}

/// Whether the image names the `latest` tag, or no tag and no digest (`parsers.ParseImageName`
/// defaults the tag to `latest`). An image that does not parse as a reference has no tag.
fn image_is_latest(image: &str) -> bool {
    if image.is_empty() || image.chars().any(|c| c.is_whitespace()) {
        return false;
    }
    let (name, digest) = match image.split_once('@') {
        Some((name, digest)) => (name, Some(digest)),
        None => (image, None),
    };
    // A tag is a `:` after the last `/` (a `:` before it belongs to a registry port).
    let (repository, tag) = match name.rfind(':') {
        Some(i) if !name[i + 1..].contains('/') => (&name[..i], Some(&name[i + 1..])),
        _ => (name, None),
    };
    // Repository paths are lower case (the registry host may not be); an upper-case path fails
    // to parse.
    let path = match repository.split_once('/') {
        Some((host, rest)) if host.contains('.') || host.contains(':') || host == "localhost" => {
            rest
        }
        _ => repository,
    };
    if path.chars().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    match tag {
        Some(tag) => tag == "latest",
        None => digest.is_none(),
    }
}

/// `SetDefaults_Container`, ports and probes.
fn container(c: &mut Container) {
    if c.image_pull_policy.as_deref().unwrap_or("").is_empty() {
        let policy = if image_is_latest(c.image.as_deref().unwrap_or("")) {
            "Always"
        } else {
            "IfNotPresent"
        };
        c.image_pull_policy = Some(policy.to_string());
    }
    if c.termination_message_path
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        c.termination_message_path = Some("/dev/termination-log".to_string());
    }
    if c.termination_message_policy
        .as_deref()
        .unwrap_or("")
        .is_empty()
    {
        c.termination_message_policy = Some("File".to_string());
    }
    for port in c.ports.iter_mut().flatten() {
        if port.protocol.as_deref().unwrap_or("").is_empty() {
            port.protocol = Some("TCP".to_string());
        }
    }
    for probe in [
        c.liveness_probe.as_mut(),
        c.readiness_probe.as_mut(),
        c.startup_probe.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        probe_defaults(probe);
    }
    for env in c.env.iter_mut().flatten() {
        if let Some(field_ref) = env.value_from.as_mut().and_then(|v| v.field_ref.as_mut()) {
            if field_ref.api_version.as_deref().unwrap_or("").is_empty() {
                field_ref.api_version = Some("v1".to_string());
            }
        }
    }
}

/// `SetDefaults_Probe` and `SetDefaults_HTTPGetAction`.
fn probe_defaults(p: &mut Probe) {
    for (field, default) in [
        (&mut p.timeout_seconds, 1),
        (&mut p.period_seconds, 10),
        (&mut p.success_threshold, 1),
        (&mut p.failure_threshold, 3),
    ] {
        if field.unwrap_or(0) == 0 {
            *field = Some(default);
        }
    }
    if let Some(http) = p.http_get.as_mut() {
        if http.path.as_deref().unwrap_or("").is_empty() {
            http.path = Some("/".to_string());
        }
        if http.scheme.as_deref().unwrap_or("").is_empty() {
            http.scheme = Some("HTTP".to_string());
        }
    }
}

/// Whether a volume names any source.
pub(crate) fn volume_has_source(v: &Volume) -> bool {
    v.aws_elastic_block_store.is_some()
        || v.azure_disk.is_some()
        || v.azure_file.is_some()
        || v.cephfs.is_some()
        || v.cinder.is_some()
        || v.config_map.is_some()
        || v.csi.is_some()
        || v.downward_api.is_some()
        || v.empty_dir.is_some()
        || v.ephemeral.is_some()
        || v.fc.is_some()
        || v.flex_volume.is_some()
        || v.flocker.is_some()
        || v.gce_persistent_disk.is_some()
        || v.git_repo.is_some()
        || v.glusterfs.is_some()
        || v.host_path.is_some()
        || v.image.is_some()
        || v.iscsi.is_some()
        || v.nfs.is_some()
        || v.persistent_volume_claim.is_some()
        || v.photon_persistent_disk.is_some()
        || v.portworx_volume.is_some()
        || v.projected.is_some()
        || v.quobyte.is_some()
        || v.rbd.is_some()
        || v.scale_io.is_some()
        || v.secret.is_some()
        || v.storageos.is_some()
        || v.vsphere_volume.is_some()
}

/// `SetDefaults_Volume` and the volume sources' defaults.
fn volume(v: &mut Volume) {
    if !volume_has_source(v) {
        v.empty_dir = Some(EmptyDirVolumeSource::default());
    }
    if let Some(host_path) = v.host_path.as_mut() {
        host_path.type_.get_or_insert_with(String::new);
    }
    if let Some(cm) = v.config_map.as_mut() {
        cm.default_mode.get_or_insert(420);
    }
    if let Some(secret) = v.secret.as_mut() {
        secret.default_mode.get_or_insert(420);
    }
    if let Some(d) = v.downward_api.as_mut() {
        d.default_mode.get_or_insert(420);
    }
    if let Some(p) = v.projected.as_mut() {
        p.default_mode.get_or_insert(420);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r5_2_image_pull_policy_follows_the_tag() {
        assert!(image_is_latest("nginx"));
        assert!(image_is_latest("nginx:latest"));
        assert!(image_is_latest("localhost:5000/nginx"));
        assert!(!image_is_latest("nginx:1.25"));
        assert!(!image_is_latest("nginx@sha256:abc"));
        assert!(!image_is_latest("localhost:5000/nginx:v1"));
        assert!(!image_is_latest(""));
        assert!(!image_is_latest("Nginx"));
    }

    #[test]
    fn r5_1_daemonset_defaults() {
        let mut ds = DaemonSet::default();
        daemonset(&mut ds);
        let strategy = ds.spec.update_strategy.as_ref().expect("defaulted");
        assert_eq!(strategy.type_.as_deref(), Some("RollingUpdate"));
        let rolling = strategy.rolling_update.as_ref().expect("defaulted");
        assert_eq!(rolling.max_unavailable, Some(IntOrString::Int(1)));
        assert_eq!(rolling.max_surge, Some(IntOrString::Int(0)));
        assert_eq!(ds.spec.revision_history_limit, Some(10));
        assert_eq!(ds.metadata.namespace.as_deref(), Some("default"));
        let spec = ds.spec.template.spec.as_ref().expect("defaulted");
        assert_eq!(spec.restart_policy.as_deref(), Some("Always"));
        assert_eq!(spec.dns_policy.as_deref(), Some("ClusterFirst"));
        assert_eq!(spec.termination_grace_period_seconds, Some(30));
        assert_eq!(spec.scheduler_name.as_deref(), Some("default-scheduler"));
    }

    #[test]
    fn r5_1_on_delete_gets_no_rolling_update() {
        let mut ds = DaemonSet::default();
        ds.spec.update_strategy = Some(DaemonSetUpdateStrategy {
            type_: Some("OnDelete".into()),
            rolling_update: None,
        });
        daemonset(&mut ds);
        assert!(ds
            .spec
            .update_strategy
            .as_ref()
            .is_some_and(|s| s.rolling_update.is_none()));
    }
}
