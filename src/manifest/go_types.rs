//! The Go types behind the JSON fields the API server decodes into (k8s.io/api apps/v1 and
//! core/v1, apimachinery meta/v1), so that a type error reads as encoding/json words it:
//! `… into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32`.
//!
//! Covers the structs a Node, a DaemonSet or a Pod manifest commonly contains; for anything
//! else the caller falls back to a name derived from the JSON field. Deliberately absent: the
//! full API surface.

/// (Go struct, JSON field, Go type as `reflect.Type.String()` prints it, struct of the field's
/// element, or "" for scalars and maps of scalars).
const FIELDS: &[(&str, &str, &str, &str)] = &[
    ("DaemonSet", "apiVersion", "string", ""),
    ("DaemonSet", "kind", "string", ""),
    ("DaemonSet", "metadata", "v1.ObjectMeta", "ObjectMeta"),
    ("DaemonSet", "spec", "v1.DaemonSetSpec", "DaemonSetSpec"),
    (
        "DaemonSet",
        "status",
        "v1.DaemonSetStatus",
        "DaemonSetStatus",
    ),
    ("Node", "apiVersion", "string", ""),
    ("Node", "kind", "string", ""),
    ("Node", "metadata", "v1.ObjectMeta", "ObjectMeta"),
    ("Node", "spec", "v1.NodeSpec", "NodeSpec"),
    ("Node", "status", "v1.NodeStatus", "NodeStatus"),
    ("Pod", "apiVersion", "string", ""),
    ("Pod", "kind", "string", ""),
    ("Pod", "metadata", "v1.ObjectMeta", "ObjectMeta"),
    ("Pod", "spec", "v1.PodSpec", "PodSpec"),
    ("Pod", "status", "v1.PodStatus", "PodStatus"),
    ("ObjectMeta", "name", "string", ""),
    ("ObjectMeta", "generateName", "string", ""),
    ("ObjectMeta", "namespace", "string", ""),
    ("ObjectMeta", "uid", "types.UID", ""),
    ("ObjectMeta", "resourceVersion", "string", ""),
    ("ObjectMeta", "generation", "int64", ""),
    ("ObjectMeta", "creationTimestamp", "v1.Time", ""),
    ("ObjectMeta", "deletionTimestamp", "v1.Time", ""),
    ("ObjectMeta", "deletionGracePeriodSeconds", "int64", ""),
    ("ObjectMeta", "labels", "map[string]string", ""),
    ("ObjectMeta", "annotations", "map[string]string", ""),
    (
        "ObjectMeta",
        "ownerReferences",
        "[]v1.OwnerReference",
        "OwnerReference",
    ),
    ("ObjectMeta", "finalizers", "[]string", ""),
    ("OwnerReference", "apiVersion", "string", ""),
    ("OwnerReference", "kind", "string", ""),
    ("OwnerReference", "name", "string", ""),
    ("OwnerReference", "uid", "types.UID", ""),
    ("OwnerReference", "controller", "bool", ""),
    ("OwnerReference", "blockOwnerDeletion", "bool", ""),
    (
        "DaemonSetSpec",
        "selector",
        "v1.LabelSelector",
        "LabelSelector",
    ),
    (
        "DaemonSetSpec",
        "template",
        "v1.PodTemplateSpec",
        "PodTemplateSpec",
    ),
    (
        "DaemonSetSpec",
        "updateStrategy",
        "v1.DaemonSetUpdateStrategy",
        "DaemonSetUpdateStrategy",
    ),
    ("DaemonSetSpec", "minReadySeconds", "int32", ""),
    ("DaemonSetSpec", "revisionHistoryLimit", "int32", ""),
    ("DaemonSetStatus", "currentNumberScheduled", "int32", ""),
    ("DaemonSetStatus", "numberMisscheduled", "int32", ""),
    ("DaemonSetStatus", "desiredNumberScheduled", "int32", ""),
    ("DaemonSetStatus", "numberReady", "int32", ""),
    ("DaemonSetStatus", "observedGeneration", "int64", ""),
    ("DaemonSetStatus", "updatedNumberScheduled", "int32", ""),
    ("DaemonSetStatus", "numberAvailable", "int32", ""),
    ("DaemonSetStatus", "numberUnavailable", "int32", ""),
    ("DaemonSetStatus", "collisionCount", "int32", ""),
    ("LabelSelector", "matchLabels", "map[string]string", ""),
    (
        "LabelSelector",
        "matchExpressions",
        "[]v1.LabelSelectorRequirement",
        "LabelSelectorRequirement",
    ),
    ("LabelSelectorRequirement", "key", "string", ""),
    (
        "LabelSelectorRequirement",
        "operator",
        "v1.LabelSelectorOperator",
        "",
    ),
    ("LabelSelectorRequirement", "values", "[]string", ""),
    (
        "DaemonSetUpdateStrategy",
        "type",
        "v1.DaemonSetUpdateStrategyType",
        "",
    ),
    (
        "DaemonSetUpdateStrategy",
        "rollingUpdate",
        "v1.RollingUpdateDaemonSet",
        "RollingUpdateDaemonSet",
    ),
    (
        "RollingUpdateDaemonSet",
        "maxUnavailable",
        "intstr.IntOrString",
        "",
    ),
    (
        "RollingUpdateDaemonSet",
        "maxSurge",
        "intstr.IntOrString",
        "",
    ),
    ("PodTemplateSpec", "metadata", "v1.ObjectMeta", "ObjectMeta"),
    ("PodTemplateSpec", "spec", "v1.PodSpec", "PodSpec"),
    ("PodSpec", "volumes", "[]v1.Volume", "Volume"),
    ("PodSpec", "initContainers", "[]v1.Container", "Container"),
    ("PodSpec", "containers", "[]v1.Container", "Container"),
    ("PodSpec", "restartPolicy", "v1.RestartPolicy", ""),
    ("PodSpec", "terminationGracePeriodSeconds", "int64", ""),
    ("PodSpec", "activeDeadlineSeconds", "int64", ""),
    ("PodSpec", "dnsPolicy", "v1.DNSPolicy", ""),
    ("PodSpec", "nodeSelector", "map[string]string", ""),
    ("PodSpec", "serviceAccountName", "string", ""),
    ("PodSpec", "serviceAccount", "string", ""),
    ("PodSpec", "automountServiceAccountToken", "bool", ""),
    ("PodSpec", "nodeName", "string", ""),
    ("PodSpec", "hostNetwork", "bool", ""),
    ("PodSpec", "hostPID", "bool", ""),
    ("PodSpec", "hostIPC", "bool", ""),
    ("PodSpec", "shareProcessNamespace", "bool", ""),
    (
        "PodSpec",
        "securityContext",
        "v1.PodSecurityContext",
        "PodSecurityContext",
    ),
    (
        "PodSpec",
        "imagePullSecrets",
        "[]v1.LocalObjectReference",
        "LocalObjectReference",
    ),
    ("PodSpec", "hostname", "string", ""),
    ("PodSpec", "subdomain", "string", ""),
    ("PodSpec", "affinity", "v1.Affinity", "Affinity"),
    ("PodSpec", "schedulerName", "string", ""),
    ("PodSpec", "tolerations", "[]v1.Toleration", "Toleration"),
    ("PodSpec", "priorityClassName", "string", ""),
    ("PodSpec", "priority", "int32", ""),
    ("PodSpec", "preemptionPolicy", "v1.PreemptionPolicy", ""),
    ("PodSpec", "runtimeClassName", "string", ""),
    ("PodSpec", "enableServiceLinks", "bool", ""),
    ("PodSpec", "overhead", "v1.ResourceList", ""),
    ("LocalObjectReference", "name", "string", ""),
    ("PodSecurityContext", "runAsUser", "int64", ""),
    ("PodSecurityContext", "runAsGroup", "int64", ""),
    ("PodSecurityContext", "runAsNonRoot", "bool", ""),
    ("PodSecurityContext", "fsGroup", "int64", ""),
    ("Container", "name", "string", ""),
    ("Container", "image", "string", ""),
    ("Container", "command", "[]string", ""),
    ("Container", "args", "[]string", ""),
    ("Container", "workingDir", "string", ""),
    ("Container", "ports", "[]v1.ContainerPort", "ContainerPort"),
    ("Container", "env", "[]v1.EnvVar", "EnvVar"),
    (
        "Container",
        "resources",
        "v1.ResourceRequirements",
        "ResourceRequirements",
    ),
    (
        "Container",
        "volumeMounts",
        "[]v1.VolumeMount",
        "VolumeMount",
    ),
    ("Container", "livenessProbe", "v1.Probe", "Probe"),
    ("Container", "readinessProbe", "v1.Probe", "Probe"),
    ("Container", "startupProbe", "v1.Probe", "Probe"),
    ("Container", "terminationMessagePath", "string", ""),
    (
        "Container",
        "terminationMessagePolicy",
        "v1.TerminationMessagePolicy",
        "",
    ),
    ("Container", "imagePullPolicy", "v1.PullPolicy", ""),
    (
        "Container",
        "securityContext",
        "v1.SecurityContext",
        "SecurityContext",
    ),
    (
        "Container",
        "restartPolicy",
        "v1.ContainerRestartPolicy",
        "",
    ),
    ("Container", "stdin", "bool", ""),
    ("Container", "tty", "bool", ""),
    ("ContainerPort", "name", "string", ""),
    ("ContainerPort", "hostPort", "int32", ""),
    ("ContainerPort", "containerPort", "int32", ""),
    ("ContainerPort", "protocol", "v1.Protocol", ""),
    ("ContainerPort", "hostIP", "string", ""),
    ("EnvVar", "name", "string", ""),
    ("EnvVar", "value", "string", ""),
    ("EnvVar", "valueFrom", "v1.EnvVarSource", "EnvVarSource"),
    (
        "EnvVarSource",
        "fieldRef",
        "v1.ObjectFieldSelector",
        "ObjectFieldSelector",
    ),
    (
        "EnvVarSource",
        "resourceFieldRef",
        "v1.ResourceFieldSelector",
        "ResourceFieldSelector",
    ),
    (
        "EnvVarSource",
        "configMapKeyRef",
        "v1.ConfigMapKeySelector",
        "ConfigMapKeySelector",
    ),
    (
        "EnvVarSource",
        "secretKeyRef",
        "v1.SecretKeySelector",
        "SecretKeySelector",
    ),
    ("ObjectFieldSelector", "apiVersion", "string", ""),
    ("ObjectFieldSelector", "fieldPath", "string", ""),
    ("ResourceFieldSelector", "containerName", "string", ""),
    ("ResourceFieldSelector", "resource", "string", ""),
    ("ConfigMapKeySelector", "name", "string", ""),
    ("ConfigMapKeySelector", "key", "string", ""),
    ("ConfigMapKeySelector", "optional", "bool", ""),
    ("SecretKeySelector", "name", "string", ""),
    ("SecretKeySelector", "key", "string", ""),
    ("SecretKeySelector", "optional", "bool", ""),
    ("ResourceRequirements", "limits", "v1.ResourceList", ""),
    ("ResourceRequirements", "requests", "v1.ResourceList", ""),
    ("VolumeMount", "name", "string", ""),
    ("VolumeMount", "readOnly", "bool", ""),
    ("VolumeMount", "mountPath", "string", ""),
    ("VolumeMount", "subPath", "string", ""),
    (
        "VolumeMount",
        "mountPropagation",
        "v1.MountPropagationMode",
        "",
    ),
    ("Volume", "name", "string", ""),
    (
        "Volume",
        "hostPath",
        "v1.HostPathVolumeSource",
        "HostPathVolumeSource",
    ),
    (
        "Volume",
        "emptyDir",
        "v1.EmptyDirVolumeSource",
        "EmptyDirVolumeSource",
    ),
    (
        "Volume",
        "secret",
        "v1.SecretVolumeSource",
        "SecretVolumeSource",
    ),
    (
        "Volume",
        "configMap",
        "v1.ConfigMapVolumeSource",
        "ConfigMapVolumeSource",
    ),
    (
        "Volume",
        "persistentVolumeClaim",
        "v1.PersistentVolumeClaimVolumeSource",
        "PersistentVolumeClaimVolumeSource",
    ),
    ("HostPathVolumeSource", "path", "string", ""),
    ("HostPathVolumeSource", "type", "v1.HostPathType", ""),
    ("EmptyDirVolumeSource", "medium", "v1.StorageMedium", ""),
    ("EmptyDirVolumeSource", "sizeLimit", "resource.Quantity", ""),
    ("SecretVolumeSource", "secretName", "string", ""),
    ("SecretVolumeSource", "defaultMode", "int32", ""),
    ("SecretVolumeSource", "optional", "bool", ""),
    ("ConfigMapVolumeSource", "name", "string", ""),
    ("ConfigMapVolumeSource", "defaultMode", "int32", ""),
    ("ConfigMapVolumeSource", "optional", "bool", ""),
    (
        "PersistentVolumeClaimVolumeSource",
        "claimName",
        "string",
        "",
    ),
    ("PersistentVolumeClaimVolumeSource", "readOnly", "bool", ""),
    ("Toleration", "key", "string", ""),
    ("Toleration", "operator", "v1.TolerationOperator", ""),
    ("Toleration", "value", "string", ""),
    ("Toleration", "effect", "v1.TaintEffect", ""),
    ("Toleration", "tolerationSeconds", "int64", ""),
    (
        "Affinity",
        "nodeAffinity",
        "v1.NodeAffinity",
        "NodeAffinity",
    ),
    ("Affinity", "podAffinity", "v1.PodAffinity", "PodAffinity"),
    (
        "Affinity",
        "podAntiAffinity",
        "v1.PodAntiAffinity",
        "PodAntiAffinity",
    ),
    (
        "NodeAffinity",
        "requiredDuringSchedulingIgnoredDuringExecution",
        "v1.NodeSelector",
        "NodeSelector",
    ),
    (
        "NodeAffinity",
        "preferredDuringSchedulingIgnoredDuringExecution",
        "[]v1.PreferredSchedulingTerm",
        "PreferredSchedulingTerm",
    ),
    (
        "NodeSelector",
        "nodeSelectorTerms",
        "[]v1.NodeSelectorTerm",
        "NodeSelectorTerm",
    ),
    (
        "NodeSelectorTerm",
        "matchExpressions",
        "[]v1.NodeSelectorRequirement",
        "NodeSelectorRequirement",
    ),
    (
        "NodeSelectorTerm",
        "matchFields",
        "[]v1.NodeSelectorRequirement",
        "NodeSelectorRequirement",
    ),
    ("NodeSelectorRequirement", "key", "string", ""),
    (
        "NodeSelectorRequirement",
        "operator",
        "v1.NodeSelectorOperator",
        "",
    ),
    ("NodeSelectorRequirement", "values", "[]string", ""),
    ("PreferredSchedulingTerm", "weight", "int32", ""),
    (
        "PreferredSchedulingTerm",
        "preference",
        "v1.NodeSelectorTerm",
        "NodeSelectorTerm",
    ),
    ("Probe", "initialDelaySeconds", "int32", ""),
    ("Probe", "timeoutSeconds", "int32", ""),
    ("Probe", "periodSeconds", "int32", ""),
    ("Probe", "successThreshold", "int32", ""),
    ("Probe", "failureThreshold", "int32", ""),
    ("Probe", "terminationGracePeriodSeconds", "int64", ""),
    ("Probe", "exec", "v1.ExecAction", "ExecAction"),
    ("Probe", "httpGet", "v1.HTTPGetAction", "HTTPGetAction"),
    (
        "Probe",
        "tcpSocket",
        "v1.TCPSocketAction",
        "TCPSocketAction",
    ),
    ("ExecAction", "command", "[]string", ""),
    ("HTTPGetAction", "path", "string", ""),
    ("HTTPGetAction", "port", "intstr.IntOrString", ""),
    ("HTTPGetAction", "host", "string", ""),
    ("HTTPGetAction", "scheme", "v1.URIScheme", ""),
    ("TCPSocketAction", "port", "intstr.IntOrString", ""),
    ("TCPSocketAction", "host", "string", ""),
    ("SecurityContext", "privileged", "bool", ""),
    ("SecurityContext", "runAsUser", "int64", ""),
    ("SecurityContext", "runAsGroup", "int64", ""),
    ("SecurityContext", "runAsNonRoot", "bool", ""),
    ("SecurityContext", "readOnlyRootFilesystem", "bool", ""),
    ("SecurityContext", "allowPrivilegeEscalation", "bool", ""),
    ("NodeSpec", "podCIDR", "string", ""),
    ("NodeSpec", "podCIDRs", "[]string", ""),
    ("NodeSpec", "providerID", "string", ""),
    ("NodeSpec", "unschedulable", "bool", ""),
    ("NodeSpec", "taints", "[]v1.Taint", "Taint"),
    ("Taint", "key", "string", ""),
    ("Taint", "value", "string", ""),
    ("Taint", "effect", "v1.TaintEffect", ""),
    ("Taint", "timeAdded", "v1.Time", ""),
    ("NodeStatus", "capacity", "v1.ResourceList", ""),
    ("NodeStatus", "allocatable", "v1.ResourceList", ""),
    ("NodeStatus", "phase", "v1.NodePhase", ""),
    (
        "NodeStatus",
        "conditions",
        "[]v1.NodeCondition",
        "NodeCondition",
    ),
    ("NodeStatus", "addresses", "[]v1.NodeAddress", "NodeAddress"),
    ("NodeCondition", "type", "v1.NodeConditionType", ""),
    ("NodeCondition", "status", "v1.ConditionStatus", ""),
    ("NodeCondition", "reason", "string", ""),
    ("NodeCondition", "message", "string", ""),
    ("NodeCondition", "lastHeartbeatTime", "v1.Time", ""),
    ("NodeCondition", "lastTransitionTime", "v1.Time", ""),
    ("NodeAddress", "type", "v1.NodeAddressType", ""),
    ("NodeAddress", "address", "string", ""),
    ("PodStatus", "phase", "v1.PodPhase", ""),
    (
        "PodStatus",
        "conditions",
        "[]v1.PodCondition",
        "PodCondition",
    ),
    ("PodStatus", "message", "string", ""),
    ("PodStatus", "reason", "string", ""),
    ("PodStatus", "hostIP", "string", ""),
    ("PodStatus", "podIP", "string", ""),
    ("PodStatus", "startTime", "v1.Time", ""),
    (
        "PodStatus",
        "containerStatuses",
        "[]v1.ContainerStatus",
        "ContainerStatus",
    ),
    (
        "PodStatus",
        "initContainerStatuses",
        "[]v1.ContainerStatus",
        "ContainerStatus",
    ),
    ("PodStatus", "qosClass", "v1.PodQOSClass", ""),
    ("PodCondition", "type", "v1.PodConditionType", ""),
    ("PodCondition", "status", "v1.ConditionStatus", ""),
    ("PodCondition", "reason", "string", ""),
    ("PodCondition", "message", "string", ""),
    ("ContainerStatus", "name", "string", ""),
    (
        "ContainerStatus",
        "state",
        "v1.ContainerState",
        "ContainerState",
    ),
    (
        "ContainerStatus",
        "lastState",
        "v1.ContainerState",
        "ContainerState",
    ),
    ("ContainerStatus", "ready", "bool", ""),
    ("ContainerStatus", "restartCount", "int32", ""),
    ("ContainerStatus", "image", "string", ""),
    ("ContainerStatus", "imageID", "string", ""),
    ("ContainerStatus", "containerID", "string", ""),
    ("ContainerStatus", "started", "bool", ""),
    (
        "ContainerState",
        "waiting",
        "v1.ContainerStateWaiting",
        "ContainerStateWaiting",
    ),
    (
        "ContainerState",
        "running",
        "v1.ContainerStateRunning",
        "ContainerStateRunning",
    ),
    (
        "ContainerState",
        "terminated",
        "v1.ContainerStateTerminated",
        "ContainerStateTerminated",
    ),
    ("ContainerStateWaiting", "reason", "string", ""),
    ("ContainerStateWaiting", "message", "string", ""),
    ("ContainerStateRunning", "startedAt", "v1.Time", ""),
    ("ContainerStateTerminated", "exitCode", "int32", ""),
    ("ContainerStateTerminated", "signal", "int32", ""),
    ("ContainerStateTerminated", "reason", "string", ""),
    ("ContainerStateTerminated", "message", "string", ""),
];

/// A field of a Go struct: its Go type and, for struct-typed fields (or slices of structs), the
/// struct's name.
pub(crate) struct GoField {
    pub go_type: &'static str,
    pub element_struct: Option<&'static str>,
}

/// Looks up `json_field` in Go struct `go_struct`.
pub(crate) fn field(go_struct: &str, json_field: &str) -> Option<GoField> {
    FIELDS
        .iter()
        .find(|(s, f, _, _)| *s == go_struct && *f == json_field)
        .map(|(_, _, t, e)| GoField {
            go_type: t,
            element_struct: (!e.is_empty()).then_some(*e),
        })
}

/// The element type of a slice or map type (`[]v1.Container` → `v1.Container`).
pub(crate) fn element_type(go_type: &str) -> &str {
    if let Some(rest) = go_type.strip_prefix("[]") {
        rest
    } else if let Some(rest) = go_type.strip_prefix("map[string]") {
        rest
    } else if go_type == "v1.ResourceList" {
        "resource.Quantity"
    } else {
        go_type
    }
}

/// Whether values of this type are JSON objects keyed by arbitrary strings.
pub(crate) fn is_map(go_type: &str) -> bool {
    go_type.starts_with("map[") || go_type == "v1.ResourceList"
}

/// Whether the type is an integer kind (a non-integral number then reads `number 1.5`).
pub(crate) fn is_integer(go_type: &str) -> bool {
    matches!(go_type, "int32" | "int64" | "int")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_fields_and_elements() {
        let f = field("PodSpec", "containers").expect("known");
        assert_eq!(f.go_type, "[]v1.Container");
        assert_eq!(f.element_struct, Some("Container"));
        assert_eq!(element_type(f.go_type), "v1.Container");
        assert_eq!(element_type("v1.ResourceList"), "resource.Quantity");
        assert!(field("PodSpec", "nope").is_none());
    }
}
