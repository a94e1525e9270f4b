//! Pod spec validation, ported from pkg/apis/core/validation/validation.go (`ValidatePodSpec`,
//! `ValidateVolumes`, `validateContainers`, `validateInitContainers`, `validateContainerCommon`,
//! `validateContainerPorts`, `ValidateEnv`, `ValidateVolumeMounts`, `ValidateResourceRequirements`,
//! `validatePodHostNetworkDeps`, `ValidateTolerations`, `ValidateNodeSelector`, probes), in the
//! order upstream appends errors.
//!
//! Covered: everything a DaemonSet's placement depends on, plus the common mistakes in
//! containers, volumes and probes. Deliberately absent: security contexts, DNS config,
//! topology spread, pod (anti-)affinity terms, resource claims and other fields the simulator
//! never reads (they are still decoded strictly, so typos in them are reported).

use super::{content, meta};
use crate::manifest::field_error::{BadValue, FieldError};
use crate::manifest::field_path::FieldPath;
use crate::manifest::messages as m;
use crate::manifest::quantity_text;
use crate::model::Quantity;
use k8s_openapi::api::core::v1::{
    Container, EnvVar, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PodSpec, Probe,
    ResourceRequirements, Toleration, Volume,
};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::{BTreeMap, BTreeSet};

/// `PodValidationOptions` fields that matter here.
#[derive(Clone, Copy, Default)]
pub(crate) struct Options {
    /// The spec belongs to a Pod, not a template (`ResourceIsPod`).
    pub resource_is_pod: bool,
}

/// `ValidatePodSpec`.
pub(crate) fn pod_spec(spec: &PodSpec, path: &FieldPath, opts: Options) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if spec.termination_grace_period_seconds.is_none() {
        errs.push(FieldError::required(
            path.child("terminationGracePeriodSeconds"),
            "",
        ));
    }
    let (volume_names, volume_errs) = volumes(
        spec.volumes.as_deref().unwrap_or(&[]),
        &path.child("volumes"),
    );
    errs.extend(volume_errs);
    errs.extend(containers(
        &spec.containers,
        &volume_names,
        &path.child("containers"),
    ));
    errs.extend(init_containers(
        spec.init_containers.as_deref().unwrap_or(&[]),
        &spec.containers,
        &volume_names,
        &path.child("initContainers"),
    ));
    errs.extend(host_network_deps(spec, path, opts));
    errs.extend(restart_policy(
        spec.restart_policy.as_deref().unwrap_or(""),
        &path.child("restartPolicy"),
    ));
    errs.extend(dns_policy(
        spec.dns_policy.as_deref().unwrap_or(""),
        &path.child("dnsPolicy"),
    ));
    errs.extend(meta::labels(
        spec.node_selector.as_ref(),
        &path.child("nodeSelector"),
        &path.child("nodeSelector"),
    ));
    if let Some(node_affinity) = spec
        .affinity
        .as_ref()
        .and_then(|a| a.node_affinity.as_ref())
    {
        let na_path = path.child("affinity").child("nodeAffinity");
        if let Some(required) = &node_affinity.required_during_scheduling_ignored_during_execution {
            errs.extend(node_selector(
                required,
                false,
                &na_path.child("requiredDuringSchedulingIgnoredDuringExecution"),
            ));
        }
        let preferred_path = na_path.child("preferredDuringSchedulingIgnoredDuringExecution");
        for (i, term) in node_affinity
            .preferred_during_scheduling_ignored_during_execution
            .iter()
            .flatten()
            .enumerate()
        {
            if term.weight <= 0 || term.weight > 100 {
                errs.push(FieldError::invalid(
                    preferred_path.index(i).child("weight"),
                    BadValue::Int(i64::from(term.weight)),
                    m::WEIGHT_RANGE,
                ));
            }
            errs.extend(node_selector_term(
                &term.preference,
                true,
                &preferred_path.index(i).child("preference"),
            ));
        }
    }
    for (field, value) in [
        ("serviceAccountName", &spec.service_account_name),
        ("nodeName", &spec.node_name),
    ] {
        let value = value.as_deref().unwrap_or("");
        if !value.is_empty() {
            for msg in content::dns1123_subdomain(value) {
                errs.push(FieldError::invalid(
                    path.child(field),
                    BadValue::Str(value.to_string()),
                    &msg,
                ));
            }
        }
    }
    if let Some(seconds) = spec.active_deadline_seconds {
        if !(1..=i64::from(i32::MAX)).contains(&seconds) {
            errs.push(FieldError::invalid(
                path.child("activeDeadlineSeconds"),
                BadValue::Int(seconds),
                &m::inclusive_range_error(1, i64::from(i32::MAX)),
            ));
        }
    }
    for (field, value) in [("hostname", &spec.hostname), ("subdomain", &spec.subdomain)] {
        let value = value.as_deref().unwrap_or("");
        if !value.is_empty() {
            for msg in content::dns1123_label(value) {
                errs.push(FieldError::invalid(
                    path.child(field),
                    BadValue::Str(value.to_string()),
                    &msg,
                ));
            }
        }
    }
    if let Some(tolerations) = spec.tolerations.as_deref() {
        errs.extend(tolerations_errors(tolerations, &path.child("tolerations")));
    }
    for (field, value) in [
        ("priorityClassName", &spec.priority_class_name),
        ("runtimeClassName", &spec.runtime_class_name),
    ] {
        let Some(value) = value.as_deref() else {
            continue;
        };
        if field == "priorityClassName" && value.is_empty() {
            continue;
        }
        for msg in content::dns1123_subdomain(value) {
            errs.push(FieldError::invalid(
                path.child(field),
                BadValue::Str(value.to_string()),
                &msg,
            ));
        }
    }
    if let Some(policy) = spec.preemption_policy.as_deref() {
        match policy {
            "PreemptLowerPriority" | "Never" => {}
            "" => errs.push(FieldError::required(path.child("preemptionPolicy"), "")),
            other => errs.push(FieldError::not_supported(
                path.child("preemptionPolicy"),
                BadValue::Str(other.to_string()),
                &["PreemptLowerPriority", "Never"],
            )),
        }
    }
    errs
}

/// `validateRestartPolicy`.
fn restart_policy(policy: &str, path: &FieldPath) -> Vec<FieldError> {
    match policy {
        "Always" | "OnFailure" | "Never" => Vec::new(),
        "" => vec![FieldError::required(path.clone(), "")],
        other => vec![FieldError::not_supported(
            path.clone(),
            BadValue::Str(other.to_string()),
            &["Always", "OnFailure", "Never"],
        )],
    }
}

/// `validateDNSPolicy`.
fn dns_policy(policy: &str, path: &FieldPath) -> Vec<FieldError> {
    match policy {
        "ClusterFirstWithHostNet" | "ClusterFirst" | "Default" | "None" => Vec::new(),
        "" => vec![FieldError::required(path.clone(), "")],
        other => vec![FieldError::not_supported(
            path.clone(),
            BadValue::Str(other.to_string()),
            &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        )],
    }
}

/// Volume sources in the order `validateVolumeSource` checks them, with the field name its
/// "more than 1 volume type" error uses (including upstream's `downwarAPI` spelling).
fn volume_sources(v: &Volume) -> [(&'static str, bool); 30] {
    [
        ("emptyDir", v.empty_dir.is_some()),
        ("hostPath", v.host_path.is_some()),
        ("gitRepo", v.git_repo.is_some()),
        ("gcePersistentDisk", v.gce_persistent_disk.is_some()),
        ("awsElasticBlockStore", v.aws_elastic_block_store.is_some()),
        ("secret", v.secret.is_some()),
        ("nfs", v.nfs.is_some()),
        ("iscsi", v.iscsi.is_some()),
        ("glusterfs", v.glusterfs.is_some()),
        ("flocker", v.flocker.is_some()),
        ("persistentVolumeClaim", v.persistent_volume_claim.is_some()),
        ("rbd", v.rbd.is_some()),
        ("cinder", v.cinder.is_some()),
        ("cephFS", v.cephfs.is_some()),
        ("quobyte", v.quobyte.is_some()),
        ("downwarAPI", v.downward_api.is_some()),
        ("fc", v.fc.is_some()),
        ("flexVolume", v.flex_volume.is_some()),
        ("configMap", v.config_map.is_some()),
        ("azureFile", v.azure_file.is_some()),
        ("vsphereVolume", v.vsphere_volume.is_some()),
        ("photonPersistentDisk", v.photon_persistent_disk.is_some()),
        ("portworxVolume", v.portworx_volume.is_some()),
        ("azureDisk", v.azure_disk.is_some()),
        ("storageos", v.storageos.is_some()),
        ("projected", v.projected.is_some()),
        ("scaleIO", v.scale_io.is_some()),
        ("csi", v.csi.is_some()),
        ("ephemeral", v.ephemeral.is_some()),
        ("image", v.image.is_some()),
    ]
}

const HOST_PATH_TYPES: &[&str] = &[
    "",
    "BlockDevice",
    "CharDevice",
    "Directory",
    "DirectoryOrCreate",
    "File",
    "FileOrCreate",
    "Socket",
];

/// `validateVolumeSource` (source count and the simple sources' required fields).
fn volume_source(v: &Volume, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut count = 0;
    for (name, present) in volume_sources(v) {
        if !present {
            continue;
        }
        if count > 0 {
            errs.push(FieldError::forbidden(
                path.child(name),
                m::MORE_THAN_ONE_VOLUME_TYPE,
            ));
            continue;
        }
        count += 1;
        match name {
            "hostPath" => {
                if let Some(host_path) = &v.host_path {
                    let hp = path.child("hostPath");
                    if host_path.path.is_empty() {
                        errs.push(FieldError::required(hp.child("path"), ""));
                        continue;
                    }
                    if host_path.path.split('/').any(|part| part == "..") {
                        errs.push(FieldError::invalid(
                            hp.child("path"),
                            BadValue::Str(host_path.path.clone()),
                            "must not contain '..'",
                        ));
                    }
                    if let Some(t) = host_path.type_.as_deref() {
                        if !HOST_PATH_TYPES.contains(&t) {
                            errs.push(FieldError::not_supported(
                                hp.child("type"),
                                BadValue::Str(t.to_string()),
                                HOST_PATH_TYPES,
                            ));
                        }
                    }
                }
            }
            "configMap" if v.config_map.as_ref().is_some_and(|c| c.name.is_empty()) => {
                errs.push(FieldError::required(
                    path.child("configMap").child("name"),
                    "",
                ));
            }
            "secret"
                if v.secret
                    .as_ref()
                    .is_some_and(|s| s.secret_name.as_deref().unwrap_or("").is_empty()) =>
            {
                errs.push(FieldError::required(
                    path.child("secret").child("secretName"),
                    "",
                ));
            }
            "persistentVolumeClaim"
                if v.persistent_volume_claim
                    .as_ref()
                    .is_some_and(|p| p.claim_name.is_empty()) =>
            {
                errs.push(FieldError::required(
                    path.child("persistentVolumeClaim").child("claimName"),
                    "",
                ));
            }
            _ => {}
        }
    }
    if count == 0 {
        errs.push(FieldError::required(
            path.clone(),
            m::MUST_SPECIFY_VOLUME_TYPE,
        ));
    }
    errs
}

/// `ValidateVolumes`: the names of the valid volumes, and the errors.
fn volumes(vols: &[Volume], path: &FieldPath) -> (BTreeSet<String>, Vec<FieldError>) {
    let mut names = BTreeSet::new();
    let mut errs = Vec::new();
    for (i, v) in vols.iter().enumerate() {
        let idx = path.index(i);
        let name_path = idx.child("name");
        let mut el = volume_source(v, &idx);
        if v.name.is_empty() {
            el.push(FieldError::required(name_path.clone(), ""));
        } else {
            for msg in content::dns1123_label(&v.name) {
                el.push(FieldError::invalid(
                    name_path.clone(),
                    BadValue::Str(v.name.clone()),
                    &msg,
                ));
            }
        }
        if names.contains(&v.name) {
            el.push(FieldError::duplicate(
                name_path,
                BadValue::Str(v.name.clone()),
            ));
        }
        if el.is_empty() {
            names.insert(v.name.clone());
        } else {
            errs.extend(el);
        }
    }
    (names, errs)
}

/// `validateContainers`.
fn containers(
    containers: &[Container],
    volumes: &BTreeSet<String>,
    path: &FieldPath,
) -> Vec<FieldError> {
    if containers.is_empty() {
        return vec![FieldError::required(path.clone(), "")];
    }
    let mut errs = Vec::new();
    let mut names = BTreeSet::new();
    for (i, c) in containers.iter().enumerate() {
        let at = path.index(i);
        errs.extend(container_common(c, volumes, &at));
        if !names.insert(c.name.clone()) {
            errs.push(FieldError::duplicate(
                at.child("name"),
                BadValue::Str(c.name.clone()),
            ));
        }
        if let Some(p) = &c.liveness_probe {
            errs.extend(probe(p, &at.child("livenessProbe"), ProbeKind::Liveness));
        }
        if let Some(p) = &c.readiness_probe {
            errs.extend(probe(p, &at.child("readinessProbe"), ProbeKind::Readiness));
        }
        if let Some(p) = &c.startup_probe {
            errs.extend(probe(p, &at.child("startupProbe"), ProbeKind::Startup));
        }
        if c.restart_policy.is_some() {
            errs.push(FieldError::forbidden(
                at.child("restartPolicy"),
                m::NON_INIT_RESTART_POLICY,
            ));
        }
    }
    errs.extend(host_port_conflicts(containers, path));
    errs
}

/// `validateInitContainers`.
fn init_containers(
    inits: &[Container],
    regular: &[Container],
    volumes: &BTreeSet<String>,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut names: BTreeSet<String> = regular.iter().map(|c| c.name.clone()).collect();
    for (i, c) in inits.iter().enumerate() {
        let at = path.index(i);
        errs.extend(container_common(c, volumes, &at));
        let mut restart_always = false;
        if let Some(policy) = c.restart_policy.as_deref() {
            if policy == "Always" {
                restart_always = true;
            } else {
                errs.push(FieldError::not_supported(
                    at.child("restartPolicy"),
                    BadValue::Str(policy.to_string()),
                    &["Always"],
                ));
            }
        }
        if names.contains(&c.name) {
            errs.push(FieldError::duplicate(
                at.child("name"),
                BadValue::Str(c.name.clone()),
            ));
        } else if !c.name.is_empty() {
            names.insert(c.name.clone());
        }
        errs.extend(host_port_conflicts(std::slice::from_ref(c), path));
        if restart_always {
            if let Some(p) = &c.liveness_probe {
                errs.extend(probe(p, &at.child("livenessProbe"), ProbeKind::Liveness));
            }
            if let Some(p) = &c.readiness_probe {
                errs.extend(probe(p, &at.child("readinessProbe"), ProbeKind::Readiness));
            }
            if let Some(p) = &c.startup_probe {
                errs.extend(probe(p, &at.child("startupProbe"), ProbeKind::Startup));
            }
        } else {
            for (field, set) in [
                ("lifecycle", c.lifecycle.is_some()),
                ("livenessProbe", c.liveness_probe.is_some()),
                ("readinessProbe", c.readiness_probe.is_some()),
                ("startupProbe", c.startup_probe.is_some()),
            ] {
                if set {
                    errs.push(FieldError::forbidden(
                        at.child(field),
                        m::INIT_CONTAINER_NOT_SIDECAR,
                    ));
                }
            }
        }
    }
    errs
}

/// `validateContainerCommon`.
fn container_common(
    c: &Container,
    volumes: &BTreeSet<String>,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let name_path = path.child("name");
    if c.name.is_empty() {
        errs.push(FieldError::required(name_path, ""));
    } else {
        for msg in content::dns1123_label(&c.name) {
            errs.push(FieldError::invalid(
                name_path.clone(),
                BadValue::Str(c.name.clone()),
                &msg,
            ));
        }
    }
    if c.image.as_deref().unwrap_or("").is_empty() {
        errs.push(FieldError::required(path.child("image"), ""));
    }
    match c.termination_message_policy.as_deref().unwrap_or("") {
        "File" | "FallbackToLogsOnError" => {}
        "" => errs.push(FieldError::required(
            path.child("terminationMessagePolicy"),
            "",
        )),
        other => errs.push(FieldError::not_supported(
            path.child("terminationMessagePolicy"),
            BadValue::Str(other.to_string()),
            &["File", "FallbackToLogsOnError"],
        )),
    }
    errs.extend(ports(c, &path.child("ports")));
    errs.extend(env(c.env.as_deref().unwrap_or(&[]), &path.child("env")));
    errs.extend(volume_mounts(c, volumes, &path.child("volumeMounts")));
    match c.image_pull_policy.as_deref().unwrap_or("") {
        "Always" | "IfNotPresent" | "Never" => {}
        "" => errs.push(FieldError::required(path.child("imagePullPolicy"), "")),
        other => errs.push(FieldError::not_supported(
            path.child("imagePullPolicy"),
            BadValue::Str(other.to_string()),
            &["Always", "IfNotPresent", "Never"],
        )),
    }
    if let Some(resources) = &c.resources {
        errs.extend(resource_requirements(resources, &path.child("resources")));
    }
    errs
}

/// `validateContainerPorts`.
fn ports(c: &Container, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut names = BTreeSet::new();
    for (i, port) in c.ports.iter().flatten().enumerate() {
        let at = path.index(i);
        if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
            let msgs = content::port_name(name);
            if !msgs.is_empty() {
                for msg in msgs {
                    errs.push(FieldError::invalid(
                        at.child("name"),
                        BadValue::Str(name.to_string()),
                        &msg,
                    ));
                }
            } else if !names.insert(name.to_string()) {
                errs.push(FieldError::duplicate(
                    at.child("name"),
                    BadValue::Str(name.to_string()),
                ));
            }
        }
        if port.container_port == 0 {
            errs.push(FieldError::required(at.child("containerPort"), ""));
        } else {
            for msg in content::port_num(i64::from(port.container_port)) {
                errs.push(FieldError::invalid(
                    at.child("containerPort"),
                    BadValue::Int(i64::from(port.container_port)),
                    &msg,
                ));
            }
        }
        let host_port = port.host_port.unwrap_or(0);
        if host_port != 0 {
            for msg in content::port_num(i64::from(host_port)) {
                errs.push(FieldError::invalid(
                    at.child("hostPort"),
                    BadValue::Int(i64::from(host_port)),
                    &msg,
                ));
            }
        }
        match port.protocol.as_deref().unwrap_or("") {
            "TCP" | "UDP" | "SCTP" => {}
            "" => errs.push(FieldError::required(at.child("protocol"), "")),
            other => errs.push(FieldError::not_supported(
                at.child("protocol"),
                BadValue::Str(other.to_string()),
                &["SCTP", "TCP", "UDP"],
            )),
        }
    }
    errs
}

/// `AccumulateUniqueHostPorts` over one list of containers.
fn host_port_conflicts(containers: &[Container], path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut seen = BTreeSet::new();
    for (ci, c) in containers.iter().enumerate() {
        for (pi, port) in c.ports.iter().flatten().enumerate() {
            let host_port = port.host_port.unwrap_or(0);
            if host_port == 0 {
                continue;
            }
            let key = format!(
                "{}/{}/{}",
                port.protocol.as_deref().unwrap_or(""),
                port.host_ip.as_deref().unwrap_or(""),
                host_port
            );
            if !seen.insert(key.clone()) {
                errs.push(FieldError::duplicate(
                    path.index(ci).child("ports").index(pi).child("hostPort"),
                    BadValue::Str(key),
                ));
            }
        }
    }
    errs
}

/// `validatePodHostNetworkDeps`.
fn host_network_deps(spec: &PodSpec, path: &FieldPath, opts: Options) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if spec.host_network != Some(true) {
        return errs;
    }
    let containers_path = path.child("containers");
    for (i, c) in spec.containers.iter().enumerate() {
        for (j, port) in c.ports.iter().flatten().enumerate() {
            let hp = port.host_port.unwrap_or(0);
            let cp = port.container_port;
            if (opts.resource_is_pod || hp != 0) && hp != cp {
                errs.push(FieldError::invalid(
                    containers_path
                        .index(i)
                        .child("ports")
                        .index(j)
                        .child("hostPort"),
                    BadValue::Int(i64::from(hp)),
                    m::HOST_PORT_MATCH,
                ));
            }
        }
    }
    errs
}

/// Field paths `ConvertDownwardAPIFieldLabel` accepts for pods.
const DOWNWARD_API_FIELDS: &[&str] = &[
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.serviceAccountName",
    "spec.schedulerName",
    "status.phase",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// `validEnvDownwardAPIFieldPathExpressions`, sorted as `sets.List` returns them.
const ENV_FIELD_PATHS: &[&str] = &[
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// `ValidateEnv` with relaxed names (RelaxedEnvironmentVariableValidation is GA).
fn env(vars: &[EnvVar], path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (i, ev) in vars.iter().enumerate() {
        let at = path.index(i);
        if ev.name.is_empty() {
            errs.push(FieldError::required(at.child("name"), ""));
        } else {
            for msg in content::env_var_name(&ev.name) {
                errs.push(FieldError::invalid(
                    at.child("name"),
                    BadValue::Str(ev.name.clone()),
                    &msg,
                ));
            }
        }
        let Some(from) = &ev.value_from else {
            continue;
        };
        let from_path = at.child("valueFrom");
        let mut sources = 0;
        if let Some(field_ref) = &from.field_ref {
            sources += 1;
            let fr = from_path.child("fieldRef");
            if field_ref.api_version.as_deref().unwrap_or("").is_empty() {
                errs.push(FieldError::required(fr.child("apiVersion"), ""));
            } else if field_ref.field_path.is_empty() {
                errs.push(FieldError::required(fr.child("fieldPath"), ""));
            } else {
                let fp = field_ref.field_path.as_str();
                let (base, subscripted) = match fp.split_once('[') {
                    Some((base, _)) => (base, true),
                    None => (fp, false),
                };
                if !DOWNWARD_API_FIELDS.contains(&base) {
                    errs.push(FieldError::invalid(
                        fr.child("fieldPath"),
                        BadValue::Str(fp.to_string()),
                        &format!("error converting fieldPath: field label not supported: {fp}"),
                    ));
                } else if subscripted {
                    if base != "metadata.annotations" && base != "metadata.labels" {
                        errs.push(FieldError::invalid(
                            fr.clone(),
                            BadValue::Str(base.to_string()),
                            "does not support subscript",
                        ));
                    }
                } else if !ENV_FIELD_PATHS.contains(&base) {
                    errs.push(FieldError::not_supported(
                        fr.child("fieldPath"),
                        BadValue::Str(base.to_string()),
                        ENV_FIELD_PATHS,
                    ));
                }
            }
        }
        if from.resource_field_ref.is_some() {
            sources += 1;
        }
        if let Some(cm) = &from.config_map_key_ref {
            sources += 1;
            if cm.key.is_empty() {
                errs.push(FieldError::required(
                    from_path.child("configMapKeyRef").child("key"),
                    "",
                ));
            }
        }
        if let Some(secret) = &from.secret_key_ref {
            sources += 1;
            if secret.key.is_empty() {
                errs.push(FieldError::required(
                    from_path.child("secretKeyRef").child("key"),
                    "",
                ));
            }
        }
        if sources == 0 {
            errs.push(FieldError::invalid(
                from_path,
                BadValue::Str(String::new()),
                m::ENV_VALUE_FROM_ONE_OF,
            ));
        } else if !ev.value.as_deref().unwrap_or("").is_empty() {
            errs.push(FieldError::invalid(
                from_path,
                BadValue::Str(String::new()),
                m::ENV_VALUE_FROM_WITH_VALUE,
            ));
        } else if sources > 1 {
            errs.push(FieldError::invalid(
                from_path,
                BadValue::Str(String::new()),
                m::ENV_VALUE_FROM_MORE_THAN_ONE,
            ));
        }
    }
    errs
}

/// `ValidateVolumeMounts` (names must match a valid volume; paths required and unique).
fn volume_mounts(c: &Container, volumes: &BTreeSet<String>, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut mount_points = BTreeSet::new();
    for (i, mount) in c.volume_mounts.iter().flatten().enumerate() {
        let at = path.index(i);
        if mount.name.is_empty() {
            errs.push(FieldError::required(at.child("name"), ""));
        }
        if !volumes.contains(&mount.name) {
            errs.push(FieldError::not_found(
                at.child("name"),
                BadValue::Str(mount.name.clone()),
            ));
        }
        if mount.mount_path.is_empty() {
            errs.push(FieldError::required(at.child("mountPath"), ""));
        }
        if !mount_points.insert(mount.mount_path.clone()) {
            errs.push(FieldError::invalid(
                at.child("mountPath"),
                BadValue::Str(mount.mount_path.clone()),
                m::MUST_BE_UNIQUE,
            ));
        }
    }
    errs
}

fn is_native(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

fn is_huge_pages(name: &str) -> bool {
    name.starts_with("hugepages-")
}

fn is_standard_resource(name: &str) -> bool {
    matches!(
        name,
        "cpu"
            | "memory"
            | "ephemeral-storage"
            | "requests.cpu"
            | "requests.memory"
            | "requests.ephemeral-storage"
            | "limits.cpu"
            | "limits.memory"
            | "limits.ephemeral-storage"
            | "pods"
            | "services"
            | "replicationcontrollers"
            | "resourcequotas"
            | "secrets"
            | "configmaps"
            | "persistentvolumeclaims"
            | "storage"
            | "requests.storage"
            | "services.nodeports"
            | "services.loadbalancers"
    ) || is_huge_pages(name)
}

fn is_extended(name: &str) -> bool {
    !is_native(name)
        && !name.starts_with("requests.")
        && content::label_key(&format!("requests.{name}")).is_empty()
}

/// `validateContainerResourceName`.
fn container_resource_name(name: &str, path: &FieldPath) -> Vec<FieldError> {
    let mut errs: Vec<FieldError> = content::label_key(name)
        .into_iter()
        .map(|msg| FieldError::invalid(path.clone(), BadValue::Str(name.to_string()), &msg))
        .collect();
    if errs.is_empty() && !name.contains('/') && !is_standard_resource(name) {
        errs.push(FieldError::invalid(
            path.clone(),
            BadValue::Str(name.to_string()),
            "must be a standard resource type or fully qualified",
        ));
    }
    if !name.contains('/') {
        if !matches!(name, "cpu" | "memory" | "ephemeral-storage") && !is_huge_pages(name) {
            errs.push(FieldError::invalid(
                path.clone(),
                BadValue::Str(name.to_string()),
                m::STANDARD_CONTAINER_RESOURCE,
            ));
        }
    } else if !is_native(name) && !is_extended(name) {
        errs.push(FieldError::invalid(
            path.clone(),
            BadValue::Str(name.to_string()),
            m::EXTENDED_RESOURCE_NAME,
        ));
    }
    errs
}

fn milli(text: &str) -> i64 {
    Quantity::parse(text).map(|q| q.milli).unwrap_or(0)
}

/// `ValidateResourceQuantityValue`.
fn quantity_value(name: &str, text: &str, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let value = milli(text);
    if value < 0 {
        errs.push(FieldError::invalid(
            path.clone(),
            BadValue::Str(quantity_text::canonical(text)),
            m::IS_NEGATIVE,
        ));
    }
    if is_extended(name) && value % 1000 != 0 {
        errs.push(FieldError::invalid(
            path.clone(),
            BadValue::Raw(quantity_text::canonical(text)),
            m::IS_NOT_INTEGER,
        ));
    }
    errs
}

/// `ValidateResourceRequirements` for a container.
fn resource_requirements(r: &ResourceRequirements, path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let lim_path = path.child("limits");
    let req_path = path.child("requests");
    let empty = BTreeMap::new();
    let limits = r.limits.as_ref().unwrap_or(&empty);
    for (name, q) in limits {
        let at = lim_path.key(name);
        errs.extend(container_resource_name(name, &at));
        errs.extend(quantity_value(name, &q.0, &at));
    }
    for (name, q) in r.requests.iter().flatten() {
        let at = req_path.key(name);
        errs.extend(container_resource_name(name, &at));
        errs.extend(quantity_value(name, &q.0, &at));
        let overcommit = is_native(name) && !is_huge_pages(name);
        match limits.get(name) {
            Some(limit) => {
                let (req, lim) = (milli(&q.0), milli(&limit.0));
                let shown = BadValue::Str(quantity_text::canonical(&q.0));
                let limit_text = quantity_text::canonical(&limit.0);
                if req != lim && !overcommit {
                    errs.push(
                        FieldError::invalid(
                            req_path.clone(),
                            shown,
                            &m::request_not_equal_limit(name, &limit_text),
                        )
                        .at(at),
                    );
                } else if req > lim {
                    errs.push(
                        FieldError::invalid(
                            req_path.clone(),
                            shown,
                            &m::request_above_limit(name, &limit_text),
                        )
                        .at(at),
                    );
                }
            }
            None if !overcommit => {
                errs.push(FieldError::required(
                    lim_path.clone(),
                    m::LIMIT_REQUIRED_NON_OVERCOMMIT,
                ));
            }
            None => {}
        }
    }
    errs
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ProbeKind {
    Liveness,
    Readiness,
    Startup,
}

/// `ValidatePortNumOrName`.
fn port_num_or_name(port: &IntOrString, path: &FieldPath) -> Vec<FieldError> {
    match port {
        IntOrString::Int(n) => content::port_num(i64::from(*n))
            .into_iter()
            .map(|msg| FieldError::invalid(path.clone(), BadValue::Int(i64::from(*n)), &msg))
            .collect(),
        IntOrString::String(s) => content::port_name(s)
            .into_iter()
            .map(|msg| FieldError::invalid(path.clone(), BadValue::Str(s.clone()), &msg))
            .collect(),
    }
}

/// `validateProbe` and the liveness/readiness/startup specifics.
fn probe(p: &Probe, path: &FieldPath, kind: ProbeKind) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let mut handlers = 0;
    if let Some(exec) = &p.exec {
        handlers += 1;
        if exec.command.as_deref().unwrap_or(&[]).is_empty() {
            errs.push(FieldError::required(
                path.child("exec").child("command"),
                "",
            ));
        }
    }
    for (name, present) in [
        ("httpGet", p.http_get.is_some()),
        ("tcpSocket", p.tcp_socket.is_some()),
        ("grpc", p.grpc.is_some()),
    ] {
        if !present {
            continue;
        }
        if handlers > 0 {
            errs.push(FieldError::forbidden(
                path.child(name),
                "may not specify more than 1 handler type",
            ));
            continue;
        }
        handlers += 1;
        match name {
            "httpGet" => {
                if let Some(http) = &p.http_get {
                    let hp = path.child("httpGet");
                    if http.path.as_deref().unwrap_or("").is_empty() {
                        errs.push(FieldError::required(hp.child("path"), ""));
                    }
                    errs.extend(port_num_or_name(&http.port, &hp.child("port")));
                    let scheme = http.scheme.as_deref().unwrap_or("");
                    if scheme != "HTTP" && scheme != "HTTPS" {
                        errs.push(FieldError::not_supported(
                            hp.child("scheme"),
                            BadValue::Str(scheme.to_string()),
                            &["HTTP", "HTTPS"],
                        ));
                    }
                }
            }
            "tcpSocket" => {
                if let Some(tcp) = &p.tcp_socket {
                    errs.extend(port_num_or_name(
                        &tcp.port,
                        &path.child("tcpSocket").child("port"),
                    ));
                }
            }
            _ => {
                if let Some(grpc) = &p.grpc {
                    errs.extend(port_num_or_name(
                        &IntOrString::Int(grpc.port),
                        &path.child("grpc").child("port"),
                    ));
                }
            }
        }
    }
    if handlers == 0 {
        errs.push(FieldError::required(
            path.clone(),
            "must specify a handler type",
        ));
    }
    for (field, value) in [
        ("initialDelaySeconds", p.initial_delay_seconds),
        ("timeoutSeconds", p.timeout_seconds),
        ("periodSeconds", p.period_seconds),
        ("successThreshold", p.success_threshold),
        ("failureThreshold", p.failure_threshold),
    ] {
        let value = i64::from(value.unwrap_or(0));
        if value < 0 {
            errs.push(FieldError::invalid(
                path.child(field),
                BadValue::Int(value),
                m::IS_NEGATIVE,
            ));
        }
    }
    if let Some(grace) = p.termination_grace_period_seconds {
        if grace <= 0 {
            errs.push(FieldError::invalid(
                path.child("terminationGracePeriodSeconds"),
                BadValue::Int(grace),
                "must be greater than 0",
            ));
        }
    }
    match kind {
        ProbeKind::Liveness | ProbeKind::Startup => {
            let success = p.success_threshold.unwrap_or(0);
            if success != 1 {
                errs.push(FieldError::invalid(
                    path.child("successThreshold"),
                    BadValue::Int(i64::from(success)),
                    "must be 1",
                ));
            }
        }
        ProbeKind::Readiness => {
            if let Some(grace) = p.termination_grace_period_seconds {
                errs.push(FieldError::invalid(
                    path.child("terminationGracePeriodSeconds"),
                    BadValue::Int(grace),
                    "must not be set for readinessProbes",
                ));
            }
        }
    }
    errs
}

/// `ValidateTolerations`.
pub(crate) fn tolerations_errors(tolerations: &[Toleration], path: &FieldPath) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (i, t) in tolerations.iter().enumerate() {
        let at = path.index(i);
        let key = t.key.as_deref().unwrap_or("");
        let operator = t.operator.as_deref().unwrap_or("");
        let value = t.value.as_deref().unwrap_or("");
        let effect = t.effect.as_deref().unwrap_or("");
        if !key.is_empty() {
            errs.extend(meta::label_name(key, &at.child("key")));
        }
        if key.is_empty() && operator != "Exists" {
            errs.push(FieldError::invalid(
                at.child("operator"),
                BadValue::Str(operator.to_string()),
                m::TOLERATION_EMPTY_KEY,
            ));
        }
        if t.toleration_seconds.is_some() && effect != "NoExecute" {
            errs.push(FieldError::invalid(
                at.child("effect"),
                BadValue::Str(effect.to_string()),
                m::TOLERATION_SECONDS_EFFECT,
            ));
        }
        match operator {
            "Equal" | "" => {
                let msgs = content::label_value(value);
                if !msgs.is_empty() {
                    errs.push(
                        FieldError::invalid(
                            at.child("operator"),
                            BadValue::Str(value.to_string()),
                            &msgs.join(";"),
                        )
                        .at(at.child("value")),
                    );
                }
            }
            "Exists" => {
                if !value.is_empty() {
                    errs.push(
                        FieldError::invalid(
                            at.child("operator"),
                            BadValue::Str(value.to_string()),
                            m::TOLERATION_EXISTS_VALUE,
                        )
                        .at(at.child("value")),
                    );
                }
            }
            other => errs.push(FieldError::not_supported(
                at.child("operator"),
                BadValue::Str(other.to_string()),
                &["Equal", "Exists"],
            )),
        }
        if !effect.is_empty() {
            errs.extend(taint_effect(effect, &at.child("effect")));
        }
    }
    errs
}

/// `validateTaintEffect` for a non-empty effect.
pub(crate) fn taint_effect(effect: &str, path: &FieldPath) -> Vec<FieldError> {
    match effect {
        "NoSchedule" | "PreferNoSchedule" | "NoExecute" => Vec::new(),
        other => vec![FieldError::not_supported(
            path.clone(),
            BadValue::Str(other.to_string()),
            &["NoSchedule", "PreferNoSchedule", "NoExecute"],
        )],
    }
}

/// `ValidateNodeSelector`.
fn node_selector(
    selector: &NodeSelector,
    allow_invalid_values: bool,
    path: &FieldPath,
) -> Vec<FieldError> {
    let terms_path = path.child("nodeSelectorTerms");
    if selector.node_selector_terms.is_empty() {
        return vec![FieldError::required(terms_path, m::AT_LEAST_ONE_TERM)];
    }
    let mut errs = Vec::new();
    for (i, term) in selector.node_selector_terms.iter().enumerate() {
        errs.extend(node_selector_term(
            term,
            allow_invalid_values,
            &terms_path.index(i),
        ));
    }
    errs
}

/// `ValidateNodeSelectorTerm`.
fn node_selector_term(
    term: &NodeSelectorTerm,
    allow_invalid_values: bool,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for (j, r) in term.match_expressions.iter().flatten().enumerate() {
        errs.extend(node_selector_requirement(
            r,
            allow_invalid_values,
            &path.child("matchExpressions").index(j),
        ));
    }
    for (j, r) in term.match_fields.iter().flatten().enumerate() {
        errs.extend(node_field_selector_requirement(
            r,
            &path.child("matchFields").index(j),
        ));
    }
    errs
}

/// `ValidateNodeSelectorRequirement`.
fn node_selector_requirement(
    r: &NodeSelectorRequirement,
    allow_invalid_values: bool,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let values = r.values.as_deref().unwrap_or(&[]);
    match r.operator.as_str() {
        "In" | "NotIn" => {
            if values.is_empty() {
                errs.push(FieldError::required(
                    path.child("values"),
                    m::SELECTOR_VALUES_REQUIRED,
                ));
            }
        }
        "Exists" | "DoesNotExist" => {
            if !values.is_empty() {
                errs.push(FieldError::forbidden(
                    path.child("values"),
                    m::SELECTOR_VALUES_FORBIDDEN,
                ));
            }
        }
        "Gt" | "Lt" => {
            if values.len() != 1 {
                errs.push(FieldError::required(
                    path.child("values"),
                    m::SELECTOR_VALUES_SINGLE,
                ));
            }
        }
        other => errs.push(FieldError::invalid(
            path.child("operator"),
            BadValue::Str(other.to_string()),
            m::NOT_A_VALID_SELECTOR_OPERATOR,
        )),
    }
    errs.extend(meta::label_name(&r.key, &path.child("key")));
    if !allow_invalid_values {
        for (i, value) in values.iter().enumerate() {
            for msg in content::label_value(value) {
                errs.push(FieldError::invalid(
                    path.child("values").index(i),
                    BadValue::Str(value.clone()),
                    &msg,
                ));
            }
        }
    }
    errs
}

/// `ValidateNodeFieldSelectorRequirement`.
fn node_field_selector_requirement(
    r: &NodeSelectorRequirement,
    path: &FieldPath,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    let values = r.values.as_deref().unwrap_or(&[]);
    match r.operator.as_str() {
        "In" | "NotIn" => {
            if values.len() != 1 {
                errs.push(FieldError::required(
                    path.child("values"),
                    m::FIELD_SELECTOR_ONE_VALUE,
                ));
            }
        }
        other => errs.push(FieldError::invalid(
            path.child("operator"),
            BadValue::Str(other.to_string()),
            m::NOT_A_VALID_SELECTOR_OPERATOR,
        )),
    }
    if r.key != "metadata.name" {
        errs.push(FieldError::invalid(
            path.child("key"),
            BadValue::Str(r.key.clone()),
            m::NOT_A_VALID_FIELD_SELECTOR_KEY,
        ));
    } else {
        for (i, value) in values.iter().enumerate() {
            for msg in content::dns1123_subdomain(value) {
                errs.push(FieldError::invalid(
                    path.child("values").index(i),
                    BadValue::Str(value.clone()),
                    &msg,
                ));
            }
        }
    }
    errs
}
