//! `kubectl describe ds` and `kubectl describe pod` (staging/src/k8s.io/kubectl/pkg/describe/
//! describe.go `describeDaemonSet`, `describePod`, `DescribePodTemplate`, `DescribeEvents`;
//! semantics R7.4), laid out exactly as kubectl's prefix writer and tab writer do it.
//!
//! The layout is kubectl ~v1.30+ (with `Namespace:`, and `Node-Selectors:`/`Tolerations:` in the
//! pod template); seed 001 shows an older kubectl without those three lines. What the simulator
//! does not model is left out rather than invented: probes, security contexts, the projected
//! service-account volume admission adds. Container and image IDs, the node's IP and wall-clock
//! dates are derived deterministically from names and the simulated clock.

use super::clock::rfc1123z;
use super::duration::human_duration;
use super::tabwriter::DESCRIBE;
use crate::engine::Simulation;
use crate::model::labels::format_labels;
use crate::model::{
    Container, ContainerState, DaemonSet, Event, Labels, Pod, PodPhase, PodSpec, PodTemplate,
    SimTime, Toleration, TolerationOperator, Volume,
};

/// kubectl's `maxAnnotationLen`.
const MAX_ANNOTATION_LEN: usize = 140;

/// The prefix writer: text with tab-terminated cells, indented by level (two spaces a level).
struct Writer {
    text: String,
}

impl Writer {
    fn new() -> Self {
        Writer {
            text: String::new(),
        }
    }

    fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.text.push_str("  ");
        }
        self.text.push_str(text);
    }

    /// `PrefixWriter.Flush`: ends the tab writer's blocks here.
    fn flush(&mut self, out: &mut String) {
        out.push_str(&DESCRIBE.format(&self.text));
        self.text.clear();
    }

    fn finish(mut self) -> String {
        let mut out = String::new();
        self.flush(&mut out);
        out
    }
}

/// `printLabelsMultilineWithIndent`.
fn labels_multiline(w: &mut Writer, title: &str, labels: &Labels) {
    w.write(0, &format!("{title}:\t"));
    if labels.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.write(0, &format!("{k}={v}\n"));
    }
}

/// `printAnnotationsMultiline` (the last-applied-configuration annotation is skipped).
fn annotations_multiline(w: &mut Writer, title: &str, annotations: &Labels) {
    w.write(0, &format!("{title}:\t"));
    let keys: Vec<&String> = annotations
        .keys()
        .filter(|k| k.as_str() != "kubectl.kubernetes.io/last-applied-configuration")
        .collect();
    if keys.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    for (i, key) in keys.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = annotations[key].trim_end_matches('\n');
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.write(0, &format!("{key}:\n"));
            for s in value.split('\n') {
                w.write(0, &format!("\t  {}\n", shorten(s, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.write(0, &format!("{key}: {value}\n"));
        }
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s.to_string()
    }
}

/// One toleration as `printTolerationsMultilineWithIndent` renders it.
pub fn toleration_string(t: &Toleration) -> String {
    let mut s = t.key.clone();
    if !t.value.is_empty() {
        s.push('=');
        s.push_str(&t.value);
    }
    if let Some(effect) = t.effect {
        s.push(':');
        s.push_str(effect.as_str());
    }
    if t.operator == TolerationOperator::Exists && t.value.is_empty() {
        if !t.key.is_empty() || t.effect.is_some() {
            s.push_str(" op=Exists");
        } else {
            s.push_str("op=Exists");
        }
    }
    if let Some(secs) = t.toleration_seconds {
        s.push_str(&format!(" for {secs}s"));
    }
    s
}

/// `printTolerationsMultilineWithIndent`, sorted by key.
fn tolerations_multiline(w: &mut Writer, title: &str, tolerations: &[Toleration]) {
    w.write(0, &format!("{title}:\t"));
    if tolerations.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    let mut sorted: Vec<&Toleration> = tolerations.iter().collect();
    sorted.sort_by(|a, b| a.key.cmp(&b.key));
    for (i, t) in sorted.into_iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.write(0, &format!("{}\n", toleration_string(t)));
    }
}

/// Per-container status for `describe pod` (absent in templates).
struct ContainerStatus {
    container_id: String,
    image_id: String,
    state: ContainerState,
    ready: bool,
    restart_count: i32,
    /// When the container started, for `Started:` lines.
    started: SimTime,
    now: SimTime,
}

/// `describeContainers`.
fn containers(
    w: &mut Writer,
    label: &str,
    containers: &[Container],
    statuses: Option<&dyn Fn(&Container) -> ContainerStatus>,
    pod: Option<&Pod>,
    space: &str,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.write(0, &format!("{space}{label}:{none}\n"));
    for c in containers {
        let status = statuses.map(|f| f(c));
        let name_indent = if space.is_empty() { "" } else { " " };
        w.write(1, &format!("{name_indent}{}:\n", c.name));
        if let Some(s) = &status {
            w.write(2, &format!("Container ID:\t{}\n", s.container_id));
        }
        w.write(2, &format!("Image:\t{}\n", c.image));
        if let Some(s) = &status {
            w.write(2, &format!("Image ID:\t{}\n", s.image_id));
        }
        let ports: Vec<String> = c
            .ports
            .iter()
            .map(|p| format!("{}/{}", p.container_port, p.protocol))
            .collect();
        let ports = ports.join(", ");
        if ports.contains(',') {
            w.write(2, &format!("Ports:\t{ports}\n"));
        } else {
            w.write(2, &format!("Port:\t{}\n", or_none(&ports)));
        }
        let host_ports: Vec<String> = c
            .ports
            .iter()
            .map(|p| format!("{}/{}", p.host_port, p.protocol))
            .collect();
        let host_ports = host_ports.join(", ");
        if host_ports.contains(',') {
            w.write(2, &format!("Host Ports:\t{host_ports}\n"));
        } else {
            w.write(2, &format!("Host Port:\t{}\n", or_none(&host_ports)));
        }
        if !c.command.is_empty() {
            w.write(2, "Command:\n");
            for s in c.command.iter().flat_map(|c| c.split('\n')) {
                w.write(3, &format!("{s}\n"));
            }
        }
        if !c.args.is_empty() {
            w.write(2, "Args:\n");
            for s in c.args.iter().flat_map(|c| c.split('\n')) {
                w.write(3, &format!("{s}\n"));
            }
        }
        if let Some(s) = &status {
            container_state(w, s);
        }
        if !c.limits.is_empty() {
            w.write(2, "Limits:\n");
            for (name, q) in &c.limits {
                w.write(3, &format!("{name}:\t{q}\n"));
            }
        }
        if !c.requests.is_empty() {
            w.write(2, "Requests:\n");
            for (name, q) in &c.requests {
                w.write(3, &format!("{name}:\t{q}\n"));
            }
        }
        let none = if c.env.is_empty() { "\t<none>" } else { "" };
        w.write(2, &format!("Environment:{none}\n"));
        for e in &c.env {
            if let Some((name, source)) = e
                .split_once(" (from ")
                .filter(|(name, _)| !name.contains('='))
            {
                let source = source.strip_suffix(')').unwrap_or(source);
                w.write(3, &format!("{}\n", env_from(name, source, pod)));
                continue;
            }
            match e.split_once('=') {
                Some((name, value)) => {
                    for (i, line) in value.split('\n').enumerate() {
                        if i == 0 {
                            w.write(3, &format!("{name}:\t{line}\n"));
                        } else {
                            w.write(3, &format!("\t{line}\n"));
                        }
                    }
                }
                None => w.write(3, &format!("{e}\n")),
            }
        }
        let none = if c.volume_mounts.is_empty() {
            "\t<none>"
        } else {
            ""
        };
        w.write(2, &format!("Mounts:{none}\n"));
        let mut mounts: Vec<_> = c.volume_mounts.iter().collect();
        mounts.sort_by(|a, b| a.mount_path.cmp(&b.mount_path));
        for m in mounts {
            let flag = if m.read_only { "ro" } else { "rw" };
            w.write(3, &format!("{} from {} ({flag})\n", m.mount_path, m.name));
        }
    }
}

/// An environment variable set from a source, as `describeContainerEnvVars` prints it; the
/// manifests layer summarises the source as `fieldRef v1:spec.nodeName`,
/// `resourceFieldRef limits.cpu`, `configMapKeyRef name/key` or `secretKeyRef name/key`.
/// In a pod, field references are resolved (`EnvValueRetriever`); in a template they are empty.
fn env_from(name: &str, source: &str, pod: Option<&Pod>) -> String {
    let (kind, detail) = source.split_once(' ').unwrap_or((source, ""));
    match kind {
        "fieldRef" => {
            let (api_version, path) = detail.split_once(':').unwrap_or(("v1", detail));
            let value = pod.map(|p| field_value(p, path)).unwrap_or_default();
            format!("{name}:\t{value} ({api_version}:{path})")
        }
        "resourceFieldRef" => {
            let value = if matches!(detail, "limits.cpu" | "limits.memory") {
                "node allocatable"
            } else {
                ""
            };
            format!("{name}:\t{value} ({detail})")
        }
        "configMapKeyRef" => {
            let (map, key) = detail.split_once('/').unwrap_or((detail, ""));
            format!("{name}:\t<set to the key '{key}' of config map '{map}'>\tOptional: false")
        }
        "secretKeyRef" => {
            let (secret, key) = detail.split_once('/').unwrap_or((detail, ""));
            format!("{name}:\t<set to the key '{key}' in secret '{secret}'>\tOptional: false")
        }
        _ => format!("{name}:\t"),
    }
}

/// `fieldpath.ExtractFieldPathAsString` for the fields a pod in the simulator has.
fn field_value(pod: &Pod, path: &str) -> String {
    match path {
        "metadata.name" => pod.name.clone(),
        "metadata.namespace" => pod.namespace.clone(),
        "metadata.uid" => pod.uid.clone(),
        "spec.nodeName" => pod.spec.node_name.clone().unwrap_or_default(),
        "spec.serviceAccountName" => pod
            .spec
            .service_account_name
            .clone()
            .unwrap_or_else(|| "default".to_string()),
        "status.podIP" => pod.status.pod_ip.clone().unwrap_or_default(),
        "status.hostIP" => pod
            .spec
            .node_name
            .as_deref()
            .map(node_ip)
            .unwrap_or_default(),
        p => {
            let label = p
                .strip_prefix("metadata.labels['")
                .and_then(|r| r.strip_suffix("']"))
                .and_then(|k| pod.labels.get(k));
            let annotation = p
                .strip_prefix("metadata.annotations['")
                .and_then(|r| r.strip_suffix("']"))
                .and_then(|k| pod.annotations.get(k));
            label.or(annotation).cloned().unwrap_or_default()
        }
    }
}

fn container_state(w: &mut Writer, s: &ContainerStatus) {
    match &s.state {
        ContainerState::Running { started_at } => {
            w.write(2, "State:\tRunning\n");
            w.write(3, &format!("Started:\t{}\n", rfc1123z(*started_at)));
        }
        ContainerState::Waiting { reason } => {
            w.write(2, "State:\tWaiting\n");
            if !reason.is_empty() {
                w.write(3, &format!("Reason:\t{reason}\n"));
            }
        }
        ContainerState::Terminated { reason, exit_code } => {
            w.write(2, "State:\tTerminated\n");
            if !reason.is_empty() {
                w.write(3, &format!("Reason:\t{reason}\n"));
            }
            w.write(3, &format!("Exit Code:\t{exit_code}\n"));
            w.write(3, &format!("Started:\t{}\n", rfc1123z(s.started)));
            w.write(3, &format!("Finished:\t{}\n", rfc1123z(s.now)));
        }
    }
    w.write(
        2,
        &format!("Ready:\t{}\n", if s.ready { "True" } else { "False" }),
    );
    w.write(2, &format!("Restart Count:\t{}\n", s.restart_count));
}

fn or_none(s: &str) -> String {
    if s.is_empty() {
        "<none>".to_string()
    } else {
        s.to_string()
    }
}

/// `describeVolumes`.
fn volumes(w: &mut Writer, volumes: &[Volume], space: &str) {
    if volumes.is_empty() {
        w.write(0, &format!("{space}Volumes:\t<none>\n"));
        return;
    }
    w.write(0, &format!("{space}Volumes:\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for v in volumes {
        w.write(1, &format!("{name_indent}{}:\n", v.name));
        match v.kind.as_str() {
            "HostPath" => w.write(
                2,
                &format!(
                    "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t\n",
                    v.detail
                ),
            ),
            "EmptyDir" => w.write(
                2,
                "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n",
            ),
            "ConfigMap" => w.write(
                2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\tfalse\n",
                    v.detail
                ),
            ),
            "Secret" => w.write(
                2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\tfalse\n",
                    v.detail
                ),
            ),
            "" => w.write(1, "<unknown>\n"),
            kind => {
                if v.detail.is_empty() {
                    w.write(2, &format!("Type:\t{kind}\n"));
                } else {
                    w.write(2, &format!("Type:\t{kind}\n    Detail:\t{}\n", v.detail));
                }
            }
        }
    }
}

/// `DescribePodTemplate`.
fn pod_template(w: &mut Writer, template: &PodTemplate) {
    w.write(0, "Pod Template:\n");
    labels_multiline(w, "  Labels", &template.labels);
    if !template.annotations.is_empty() {
        annotations_multiline(w, "  Annotations", &template.annotations);
    }
    let spec = &template.spec;
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(1, &format!("Service Account:\t{sa}\n"));
    }
    if !spec.init_containers.is_empty() {
        containers(
            w,
            "Init Containers",
            &spec.init_containers,
            None,
            None,
            "  ",
        );
    }
    containers(w, "Containers", &spec.containers, None, None, "  ");
    volumes(w, &spec.volumes, "  ");
    if let Some(pc) = spec
        .priority_class_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(1, &format!("Priority Class Name:\t{pc}\n"));
    }
    labels_multiline(w, "  Node-Selectors", &spec.node_selector);
    tolerations_multiline(w, "  Tolerations", &spec.tolerations);
}

/// `DescribePodTemplate` on its own, as `kubectl rollout history --revision=N` prints it.
pub fn describe_pod_template(template: &PodTemplate) -> String {
    let mut w = Writer::new();
    pod_template(&mut w, template);
    w.finish()
}

/// One row of a describe Events table: events with the same type, reason, source and message
/// are one event with a count, as the event recorder aggregates them.
struct EventRow<'a> {
    event: &'a Event,
    first: SimTime,
    last: SimTime,
    count: usize,
}

fn aggregate<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<EventRow<'a>> {
    let mut rows: Vec<EventRow<'a>> = vec![];
    for e in events {
        if let Some(row) = rows.iter_mut().find(|r| {
            r.event.event_type == e.event_type
                && r.event.reason == e.reason
                && r.event.source == e.source
                && r.event.message == e.message
        }) {
            row.count += 1;
            row.last = e.time;
        } else {
            rows.push(EventRow {
                event: e,
                first: e.time,
                last: e.time,
                count: 1,
            });
        }
    }
    rows.sort_by_key(|r| r.last);
    rows
}

/// `DescribeEvents`.
fn events<'a>(
    w: &mut Writer,
    out: &mut String,
    now: SimTime,
    list: impl Iterator<Item = &'a Event>,
) {
    let rows = aggregate(list);
    if rows.is_empty() {
        w.write(0, "Events:\t<none>\n");
        return;
    }
    w.flush(out);
    w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(1, "----\t------\t----\t----\t-------\n");
    let since = |t: SimTime| human_duration(now.0 as i64 - t.0 as i64);
    for r in rows {
        let interval = if r.count > 1 {
            format!("{} (x{} over {})", since(r.last), r.count, since(r.first))
        } else {
            since(r.first)
        };
        w.write(
            1,
            &format!(
                "{}\t{}\t{}\t{}\t{}\n",
                r.event.event_type.as_str(),
                r.event.reason,
                interval,
                r.event.source,
                r.event.message.trim()
            ),
        );
    }
}

/// `kubectl describe ds <name>`.
pub fn describe_daemon_set(sim: &Simulation, ds: &DaemonSet) -> String {
    let mut out = String::new();
    let mut w = Writer::new();
    w.write(0, &format!("Name:\t{}\n", ds.name));
    w.write(0, &format!("Namespace:\t{}\n", ds.namespace));
    let selector = ds
        .selector
        .as_ref()
        .map(|s| s.to_string())
        .unwrap_or_default();
    w.write(0, &format!("Selector:\t{selector}\n"));
    w.write(
        0,
        &format!(
            "Node-Selector:\t{}\n",
            format_labels(&ds.template.spec.node_selector)
        ),
    );
    labels_multiline(&mut w, "Labels", &ds.labels);
    annotations_multiline(&mut w, "Annotations", &ds.annotations);
    let s = &ds.status;
    w.write(
        0,
        &format!(
            "Desired Number of Nodes Scheduled: {}\n",
            s.desired_number_scheduled
        ),
    );
    w.write(
        0,
        &format!(
            "Current Number of Nodes Scheduled: {}\n",
            s.current_number_scheduled
        ),
    );
    w.write(
        0,
        &format!(
            "Number of Nodes Scheduled with Up-to-date Pods: {}\n",
            s.updated_number_scheduled
        ),
    );
    w.write(
        0,
        &format!(
            "Number of Nodes Scheduled with Available Pods: {}\n",
            s.number_available
        ),
    );
    w.write(
        0,
        &format!("Number of Nodes Misscheduled: {}\n", s.number_misscheduled),
    );
    // `getPodStatusForController`: pods the selector matches and this DaemonSet controls.
    let (mut running, mut waiting, mut succeeded, mut failed) = (0, 0, 0, 0);
    for p in sim.pods().filter(|p| {
        p.namespace == ds.namespace
            && ds.selects(&p.labels)
            && p.controller_ref().is_some_and(|o| o.uid == ds.uid)
    }) {
        match p.status.phase {
            PodPhase::Running => running += 1,
            PodPhase::Pending => waiting += 1,
            PodPhase::Succeeded => succeeded += 1,
            PodPhase::Failed => failed += 1,
            PodPhase::Unknown => {}
        }
    }
    w.write(
        0,
        &format!(
            "Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed\n"
        ),
    );
    pod_template(&mut w, &ds.template);
    events(
        &mut w,
        &mut out,
        sim.now(),
        sim.events().iter().filter(|e| {
            e.object.kind == "DaemonSet"
                && *e.object.namespace == *ds.namespace
                && *e.object.name == *ds.name
        }),
    );
    out.push_str(&w.finish());
    out
}

/// A stable fake hex digest of `seed`, for container and image IDs.
fn digest(seed: &str) -> String {
    let mut out = String::with_capacity(64);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0u64..4 {
        for b in seed.bytes().chain(round.to_le_bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}

/// `docker.io/library/nginx` for `nginx:1.27`, as container runtimes report image IDs.
fn image_repository(image: &str) -> String {
    let without_digest = image.split('@').next().unwrap_or(image);
    let last_slash = without_digest.rfind('/').map_or(0, |i| i + 1);
    let repo = match without_digest[last_slash..].find(':') {
        Some(i) => &without_digest[..last_slash + i],
        None => without_digest,
    };
    let first = repo.split('/').next().unwrap_or(repo);
    if !repo.contains('/') {
        format!("docker.io/library/{repo}")
    } else if first.contains('.') || first.contains(':') || first == "localhost" {
        repo.to_string()
    } else {
        format!("docker.io/{repo}")
    }
}

/// A node's InternalIP as the simulator shows it (nodes carry no addresses in the model).
pub fn node_ip(node: &str) -> String {
    crate::model::Node::internal_ip(node)
}

/// `qos.GetPodQOS`, simplified to cpu and memory.
fn qos_class(spec: &PodSpec) -> &'static str {
    let all: Vec<&Container> = spec
        .containers
        .iter()
        .chain(&spec.init_containers)
        .collect();
    let any = all
        .iter()
        .any(|c| !c.requests.is_empty() || !c.limits.is_empty());
    if !any {
        return "BestEffort";
    }
    let guaranteed = all.iter().all(|c| {
        ["cpu", "memory"].iter().all(|r| {
            let limit = c.limits.get(*r);
            let request = c.requests.get(*r).or(limit);
            limit.is_some_and(|l| request.is_some_and(|q| q.milli == l.milli))
        })
    });
    if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}

/// `kubectl describe pod <name>`.
pub fn describe_pod(sim: &Simulation, pod: &Pod) -> String {
    let now = sim.now();
    let mut out = String::new();
    let mut w = Writer::new();
    w.write(0, &format!("Name:\t{}\n", pod.name));
    w.write(0, &format!("Namespace:\t{}\n", pod.namespace));
    w.write(
        0,
        &format!("Priority:\t{}\n", pod.spec.priority.unwrap_or(0)),
    );
    if let Some(pc) = pod
        .spec
        .priority_class_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(0, &format!("Priority Class Name:\t{pc}\n"));
    }
    let sa = pod
        .spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or("default");
    w.write(0, &format!("Service Account:\t{sa}\n"));
    match &pod.spec.node_name {
        None => w.write(0, "Node:\t<none>\n"),
        Some(n) => w.write(0, &format!("Node:\t{n}/{}\n", node_ip(n))),
    }
    if pod.is_bound() {
        w.write(
            0,
            &format!("Start Time:\t{}\n", rfc1123z(pod.creation_timestamp)),
        );
    }
    labels_multiline(&mut w, "Labels", &pod.labels);
    annotations_multiline(&mut w, "Annotations", &pod.annotations);
    if let (Some(deleted), false) = (pod.deletion_timestamp, pod.status.phase.is_terminal()) {
        w.write(
            0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                human_duration(now.0 as i64 - deleted.0 as i64)
            ),
        );
        w.write(
            0,
            &format!(
                "Termination Grace Period:\t{}s\n",
                pod.spec.termination_grace_period_seconds
            ),
        );
    } else {
        w.write(0, &format!("Status:\t{}\n", pod.status.phase.as_str()));
    }
    if let Some(reason) = pod.status.reason.as_deref().filter(|r| !r.is_empty()) {
        w.write(0, &format!("Reason:\t{reason}\n"));
    }
    let ip = pod.status.pod_ip.clone().unwrap_or_default();
    w.write(0, &format!("IP:\t{ip}\n"));
    if ip.is_empty() {
        w.write(0, "IPs:\t<none>\n");
    } else {
        w.write(0, "IPs:\n");
        w.write(1, &format!("IP:\t{ip}\n"));
    }
    if let Some(owner) = pod.controller_ref() {
        w.write(
            0,
            &format!("Controlled By:\t{}/{}\n", owner.kind, owner.name),
        );
    }
    let bound = pod.is_bound();
    let status_of = |c: &Container| {
        let running = matches!(pod.status.container_state, ContainerState::Running { .. });
        let started = match pod.status.container_state {
            ContainerState::Running { started_at } => started_at,
            _ => pod.creation_timestamp,
        };
        let created = !matches!(pod.status.container_state, ContainerState::Waiting { .. });
        ContainerStatus {
            container_id: if created {
                format!(
                    "containerd://{}",
                    digest(&format!("{}/{}", pod.uid, c.name))
                )
            } else {
                String::new()
            },
            image_id: if created {
                format!("{}@sha256:{}", image_repository(&c.image), digest(&c.image))
            } else {
                String::new()
            },
            state: pod.status.container_state.clone(),
            ready: running && pod.status.ready,
            restart_count: pod.status.restart_count,
            started,
            now,
        }
    };
    let statuses: Option<&dyn Fn(&Container) -> ContainerStatus> =
        if bound { Some(&status_of) } else { None };
    if !pod.spec.init_containers.is_empty() {
        containers(
            &mut w,
            "Init Containers",
            &pod.spec.init_containers,
            statuses,
            Some(pod),
            "",
        );
    }
    containers(
        &mut w,
        "Containers",
        &pod.spec.containers,
        statuses,
        Some(pod),
        "",
    );
    w.write(0, "Conditions:\n  Type\tStatus\n");
    let tf = |b: bool| if b { "True" } else { "False" };
    let conditions: Vec<(&str, &str)> = if !bound {
        vec![("PodScheduled", "False")]
    } else {
        let failed = pod.status.phase.is_terminal();
        let ready = pod.status.ready;
        vec![
            ("PodReadyToStartContainers", tf(!failed)),
            ("Initialized", "True"),
            ("Ready", tf(ready)),
            ("ContainersReady", tf(ready)),
            ("PodScheduled", "True"),
        ]
    };
    for (t, s) in conditions {
        w.write(1, &format!("{t} \t{s} \n"));
    }
    volumes(&mut w, &pod.spec.volumes, "");
    w.write(0, &format!("QoS Class:\t{}\n", qos_class(&pod.spec)));
    labels_multiline(&mut w, "Node-Selectors", &pod.spec.node_selector);
    tolerations_multiline(&mut w, "Tolerations", &pod.spec.tolerations);
    events(
        &mut w,
        &mut out,
        now,
        sim.events().iter().filter(|e| {
            e.object.kind == "Pod"
                && *e.object.namespace == *pod.namespace
                && *e.object.name == *pod.name
        }),
    );
    out.push_str(&w.finish());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaintEffect;

    #[test]
    fn r7_4_tolerations_render_like_kubectl() {
        let t = |key: &str, op: TolerationOperator, value: &str, effect, secs| Toleration {
            key: key.into(),
            operator: op,
            value: value.into(),
            effect,
            toleration_seconds: secs,
        };
        let lines: Vec<String> = [
            t(
                "node.kubernetes.io/not-ready",
                TolerationOperator::Exists,
                "",
                Some(TaintEffect::NoExecute),
                None,
            ),
            t(
                "dedicated",
                TolerationOperator::Equal,
                "gpu",
                Some(TaintEffect::NoSchedule),
                None,
            ),
            t("", TolerationOperator::Exists, "", None, None),
            t(
                "",
                TolerationOperator::Exists,
                "",
                Some(TaintEffect::NoExecute),
                Some(60),
            ),
        ]
        .iter()
        .map(toleration_string)
        .collect();
        assert_eq!(
            lines.join("\n"),
            "node.kubernetes.io/not-ready:NoExecute op=Exists\n\
             dedicated=gpu:NoSchedule\n\
             op=Exists\n\
             :NoExecute op=Exists for 60s"
        );
    }

    #[test]
    fn image_ids_name_the_registry_repository() {
        assert_eq!(image_repository("nginx"), "docker.io/library/nginx");
        assert_eq!(image_repository("nginx:1.27"), "docker.io/library/nginx");
        assert_eq!(
            image_repository("quay.io/fluentd_elasticsearch/fluentd:v2.5.2"),
            "quay.io/fluentd_elasticsearch/fluentd"
        );
        assert_eq!(
            image_repository("maho/liberator:0.1"),
            "docker.io/maho/liberator"
        );
        assert_eq!(
            image_repository("localhost:5000/agent:1"),
            "localhost:5000/agent"
        );
    }
}
