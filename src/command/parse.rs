//! `parse_step`: step text → [`Step`], with kubectl's own errors (cobra, `cmdutil.CheckErr`,
//! `UsageErrorf`, the label/taint/set-image argument parsers) for invalid commands.

use super::flags::{self, Flag, Parsed, NAMESPACE};
use super::lexer::split_words;
use super::selector::parse_label_selector;
use super::validate::{label_value_errors, qualified_name_errors};
use super::{
    CascadeFlag, DescribeResource, FieldRequirement, GetResource, LabelChange, PodTarget, Step,
    StepError, TaintRemoval,
};
use crate::kubectl::{messages, Scope};
use crate::model::{
    ConditionStatus, LabelSelector, NodeConditionType, Quantity, SimDuration, Taint, TaintEffect,
};

fn err(message: impl Into<String>) -> StepError {
    StepError(message.into())
}

/// `cmdutil.CheckErr` for a plain error: kubectl prefixes `error: `.
fn check_err(message: impl std::fmt::Display) -> StepError {
    StepError(format!("error: {message}"))
}

/// The step verbs, for the unknown-step message.
const VERBS: &str = "a step is a kubectl command (label, taint, cordon, uncordon, drain, delete, set image, rollout, get, describe, apply -f -) or a simulator verb (advance, settle, node add|remove|condition|allocatable, pod fail)";

/// Parses one step. `kubectl apply -f -` parses to `Step::Apply` with empty text: the caller
/// supplies the text of an `apply:` step.
pub fn parse_step(text: &str) -> Result<Step, StepError> {
    let words = split_words(text)?;
    let Some(first) = words.first() else {
        return Err(err(format!("error: empty step: {VERBS}")));
    };
    let rest = &words[1..];
    match first.as_str() {
        "kubectl" => parse_kubectl(rest),
        "advance" => parse_advance(rest),
        "settle" => {
            let p = flags::parse(rest, &[], "settle")?;
            if let Some(extra) = p.positionals.first() {
                return Err(err(format!(
                    "error: settle takes no arguments, got \"{extra}\""
                )));
            }
            Ok(Step::Settle)
        }
        "node" => parse_node(rest),
        "pod" => parse_pod(rest),
        other => Err(err(format!("error: unknown step \"{other}\": {VERBS}"))),
    }
}

/// Real kubectl commands the simulator does not model.
const UNSUPPORTED: &[&str] = &[
    "annotate",
    "api-resources",
    "api-versions",
    "attach",
    "auth",
    "autoscale",
    "certificate",
    "cluster-info",
    "completion",
    "config",
    "cp",
    "create",
    "debug",
    "diff",
    "edit",
    "events",
    "exec",
    "explain",
    "expose",
    "kustomize",
    "logs",
    "patch",
    "plugin",
    "port-forward",
    "proxy",
    "replace",
    "run",
    "scale",
    "top",
    "version",
    "wait",
];

fn parse_kubectl(args: &[String]) -> Result<Step, StepError> {
    // Global flags may come before the command (`kubectl -n kube-system get ds`).
    let mut global = Vec::new();
    let mut i = 0;
    while i < args.len() && args[i].starts_with('-') {
        global.push(args[i].clone());
        if matches!(args[i].as_str(), "-n" | "--namespace") && i + 1 < args.len() {
            global.push(args[i + 1].clone());
            i += 1;
        }
        i += 1;
    }
    let Some(command) = args.get(i) else {
        return Err(err(
            "error: a kubectl step needs a command, e.g. kubectl get pods -o wide",
        ));
    };
    let mut rest: Vec<String> = args[i + 1..].to_vec();
    rest.extend(global);
    let path = format!("kubectl {command}");
    match command.as_str() {
        "label" => parse_label(&rest, &path),
        "taint" => parse_taint(&rest, &path),
        "cordon" | "uncordon" => {
            let p = flags::parse(&rest, &[NAMESPACE], &path)?;
            if p.positionals.is_empty() {
                return Err(err(messages::usage_error(
                    &format!("USAGE: {command} NODE [flags]"),
                    &path,
                )));
            }
            let nodes = node_names(&p.positionals)?;
            Ok(if command == "cordon" {
                Step::Cordon { nodes }
            } else {
                Step::Uncordon { nodes }
            })
        }
        "drain" => parse_drain(&rest, &path),
        "delete" => parse_delete(&rest, &path),
        "set" => parse_set(&rest),
        "rollout" => parse_rollout(&rest),
        "get" => parse_get(&rest, &path),
        "describe" => parse_describe(&rest, &path),
        "apply" => parse_apply(&rest, &path),
        c if UNSUPPORTED.contains(&c) => Err(err(format!(
            "error: \"kubectl {c}\" is not part of the simulator's step language: {VERBS}"
        ))),
        c => Err(err(messages::unknown_command(c, "kubectl"))),
    }
}

/// A resource kind the simulator has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Node,
    Pod,
    DaemonSet,
    Event,
}

/// Kinds a real cluster has that the simulator does not model.
const OTHER_KINDS: &[&str] = &[
    "deployments",
    "deployment",
    "deploy",
    "replicasets",
    "replicaset",
    "rs",
    "statefulsets",
    "statefulset",
    "sts",
    "services",
    "service",
    "svc",
    "jobs",
    "job",
    "cronjobs",
    "cronjob",
    "cj",
    "configmaps",
    "configmap",
    "cm",
    "secrets",
    "secret",
    "namespaces",
    "namespace",
    "ns",
    "controllerrevisions",
    "controllerrevision",
    "replicationcontrollers",
    "rc",
    "persistentvolumeclaims",
    "pvc",
    "persistentvolumes",
    "pv",
    "ingresses",
    "ing",
    "serviceaccounts",
    "sa",
    "endpoints",
    "ep",
];

fn kind_of(word: &str) -> Result<Kind, StepError> {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "node" | "nodes" | "no" => Ok(Kind::Node),
        "pod" | "pods" | "po" => Ok(Kind::Pod),
        "daemonset" | "daemonsets" | "ds" | "daemonset.apps" | "daemonsets.apps" => {
            Ok(Kind::DaemonSet)
        }
        "event" | "events" | "ev" => Ok(Kind::Event),
        other if OTHER_KINDS.contains(&other) => Err(err(format!(
            "error: the simulator has no {other}: it models nodes, daemonsets, pods and events"
        ))),
        _ => Err(err(messages::unknown_resource_type(word))),
    }
}

/// `TYPE NAME…` or `TYPE/NAME…` (all of one kind).
fn resources(args: &[String]) -> Result<(Option<Kind>, Vec<String>), StepError> {
    let Some(first) = args.first() else {
        return Ok((None, vec![]));
    };
    if first.contains('/') {
        let mut kind = None;
        let mut names = vec![];
        for a in args {
            let Some((t, n)) = a.split_once('/') else {
                return Err(check_err(
                    "arguments in resource/name form must have a single resource and name",
                ));
            };
            let k = kind_of(t)?;
            if kind.is_some_and(|prev| prev != k) {
                return Err(err("error: the simulator takes one resource type per step"));
            }
            kind = Some(k);
            names.push(n.to_string());
        }
        return Ok((kind, names));
    }
    Ok((Some(kind_of(first)?), args[1..].to_vec()))
}

fn node_names(args: &[String]) -> Result<Vec<String>, StepError> {
    // `kubectl cordon node-1` takes bare names; `node/node-1` is accepted too.
    args.iter()
        .map(|a| match a.split_once('/') {
            Some((t, n)) => match kind_of(t)? {
                Kind::Node => Ok(n.to_string()),
                _ => Err(check_err(format!(
                    "expected resource of type node, got \"{t}\""
                ))),
            },
            None => Ok(a.clone()),
        })
        .collect()
}

/// `cmdutil.GetResourcesAndPairs`: resources first, then `k=v` / `k-` pairs.
fn resources_and_pairs(
    args: &[String],
    pair_type: &str,
) -> Result<(Vec<String>, Vec<String>), StepError> {
    let mut resources = vec![];
    let mut pairs = vec![];
    let mut found_pair = false;
    for s in args {
        let non_resource =
            (s.contains('=') && !s.starts_with('=')) || (s.ends_with('-') && s != "-");
        match (found_pair, non_resource) {
            (_, true) => {
                found_pair = true;
                pairs.push(s.clone());
            }
            (false, false) => resources.push(s.clone()),
            (true, false) => {
                return Err(check_err(format!(
                    "all resources must be specified before {pair_type} changes: {s}"
                )))
            }
        }
    }
    Ok((resources, pairs))
}

fn parse_label(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(args, &[NAMESPACE, Flag::bool("overwrite")], path)?;
    let overwrite = p.bool("overwrite", path)?;
    let (res, pairs) = resources_and_pairs(&p.positionals, "label")?;
    // `parseLabels`.
    let mut changes: Vec<LabelChange> = vec![];
    for spec in &pairs {
        if spec.contains('=') {
            let parts: Vec<&str> = spec.split('=').collect();
            if parts.len() != 2 {
                return Err(check_err(format!("invalid label spec: {spec}")));
            }
            let errs = label_value_errors(parts[1]);
            if !errs.is_empty() {
                return Err(check_err(format!(
                    "invalid label value: \"{spec}\": {}",
                    errs.join(";")
                )));
            }
            changes.retain(|c| !matches!(c, LabelChange::Set { key, .. } if key == parts[0]));
            changes.push(LabelChange::Set {
                key: parts[0].to_string(),
                value: parts[1].to_string(),
            });
        } else if let Some(key) = spec.strip_suffix('-') {
            changes.push(LabelChange::Remove {
                key: key.to_string(),
            });
        } else {
            return Err(check_err(format!("unknown label spec: {spec}")));
        }
    }
    for c in &changes {
        if let LabelChange::Remove { key } = c {
            if changes
                .iter()
                .any(|o| matches!(o, LabelChange::Set { key: k, .. } if k == key))
            {
                return Err(err(messages::LABEL_MODIFY_AND_REMOVE));
            }
        }
    }
    if res.is_empty() {
        return Err(check_err(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if changes.is_empty() {
        return Err(check_err("at least one label update is required"));
    }
    let (kind, nodes) = resources(&res)?;
    if kind != Some(Kind::Node) {
        return Err(err(
            "error: the simulator labels nodes only: kubectl label nodes NAME key=value",
        ));
    }
    if nodes.is_empty() {
        return Err(err(messages::REQUIRED_RESOURCE));
    }
    Ok(Step::Label {
        nodes,
        changes,
        overwrite,
    })
}

/// `parseTaint` (kubectl/pkg/cmd/taint/utils.go): `key=value:effect`, `key:effect` or `key`.
fn parse_one_taint(spec: &str) -> Result<(String, String, Option<TaintEffect>), String> {
    let parts: Vec<&str> = spec.split(':').collect();
    let (key, value, effect) = match parts.as_slice() {
        [key] => (key.to_string(), String::new(), None),
        [kv, effect] => {
            let Some(effect) = TaintEffect::parse(effect) else {
                return Err(format!(
                    "invalid taint effect: {effect}, unsupported taint effect"
                ));
            };
            let kv: Vec<&str> = kv.split('=').collect();
            if kv.len() > 2 {
                return Err(format!("invalid taint spec: {spec}"));
            }
            let value = kv.get(1).map(|v| v.to_string()).unwrap_or_default();
            if kv.len() == 2 {
                let errs = label_value_errors(&value);
                if !errs.is_empty() {
                    return Err(format!("invalid taint spec: {spec}, {}", errs.join("; ")));
                }
            }
            (kv[0].to_string(), value, Some(effect))
        }
        _ => return Err(format!("invalid taint spec: {spec}")),
    };
    let errs = qualified_name_errors(&key);
    if !errs.is_empty() {
        return Err(format!("invalid taint spec: {spec}, {}", errs.join("; ")));
    }
    Ok((key, value, effect))
}

fn parse_taint(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(
        args,
        &[
            NAMESPACE,
            Flag::bool("overwrite"),
            Flag::value("selector").short('l'),
            Flag::bool("all"),
        ],
        path,
    )?;
    let overwrite = p.bool("overwrite", path)?;
    if p.get("selector").is_some() || p.bool("all", path)? {
        return Err(err(
            "error: the simulator taints nodes by name: kubectl taint nodes NAME key=value:Effect",
        ));
    }
    let mut resources = vec![];
    let mut taint_args = vec![];
    let mut met = false;
    for s in &p.positionals {
        let is_taint = s.contains('=') || s.contains(':') || s.ends_with('-');
        match (met, is_taint) {
            (_, true) => {
                met = true;
                taint_args.push(s.clone());
            }
            (false, false) => resources.push(s.clone()),
            (true, false) => {
                return Err(check_err(format!(
                    "all resources must be specified before taint changes: {s}"
                )))
            }
        }
    }
    if resources.is_empty() {
        return Err(check_err(
            "one or more resources must be specified as <resource> <name>",
        ));
    }
    if taint_args.is_empty() {
        return Err(check_err("at least one taint update is required"));
    }
    // `parseTaints`: usage errors.
    let mut add: Vec<Taint> = vec![];
    let mut remove: Vec<TaintRemoval> = vec![];
    for spec in &taint_args {
        if let Some(body) = spec.strip_suffix('-') {
            let (key, _, effect) =
                parse_one_taint(body).map_err(|e| err(messages::usage_error(&e, path)))?;
            remove.push(TaintRemoval { key, effect });
        } else {
            let (key, value, effect) =
                parse_one_taint(spec).map_err(|e| err(messages::usage_error(&e, path)))?;
            let Some(effect) = effect else {
                return Err(err(messages::usage_error(
                    &format!("invalid taint spec: {spec}"),
                    path,
                )));
            };
            if add.iter().any(|t| t.key == key && t.effect == effect) {
                return Err(err(messages::usage_error(
                    &format!("duplicated taints with the same key and effect: {{{key} {value} {effect} <nil>}}"),
                    path,
                )));
            }
            add.push(Taint::new(key, value, effect));
        }
    }
    // `Validate`.
    let kind = kind_of(&resources[0])?;
    if kind != Kind::Node {
        return Err(check_err(format!(
            "invalid resource type {}, only node types are supported",
            resources[0].to_ascii_lowercase()
        )));
    }
    let conflicts: Vec<String> = add
        .iter()
        .flat_map(|a| {
            remove
                .iter()
                .filter(move |r| r.key == a.key && r.effect.is_none_or(|e| e == a.effect))
                .map(|r| {
                    format!(
                        "{{\"{}\":\"{}\"}}",
                        r.key,
                        r.effect.map(|e| e.as_str()).unwrap_or("")
                    )
                })
        })
        .collect();
    if !conflicts.is_empty() {
        return Err(check_err(format!(
            "can not both modify and remove the following taint(s) in the same command: {}",
            conflicts.join(", ")
        )));
    }
    if resources.len() < 2 {
        return Err(check_err(
            "at least one resource name must be specified since 'all' parameter is not set",
        ));
    }
    Ok(Step::Taint {
        nodes: resources[1..].to_vec(),
        add,
        remove,
        overwrite,
    })
}

fn parse_drain(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(
        args,
        &[
            NAMESPACE,
            Flag::bool("ignore-daemonsets"),
            Flag::bool("force"),
            Flag::bool("delete-emptydir-data"),
            Flag::bool("delete-local-data"),
        ],
        path,
    )?;
    if p.positionals.is_empty() {
        return Err(err(messages::usage_error(
            "USAGE: drain NODE [flags]",
            path,
        )));
    }
    Ok(Step::Drain {
        nodes: node_names(&p.positionals)?,
        ignore_daemonsets: p.bool("ignore-daemonsets", path)?,
        force: p.bool("force", path)?,
        delete_emptydir_data: p.bool("delete-emptydir-data", path)?
            || p.bool("delete-local-data", path)?,
    })
}

/// `--field-selector` on pods: `field=value`, `field==value`, `field!=value`, comma-joined.
fn parse_field_selector(text: &str) -> Result<Vec<FieldRequirement>, StepError> {
    const FIELDS: [&str; 3] = ["metadata.name", "spec.nodeName", "status.phase"];
    let mut out = vec![];
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (field, equals, value) = if let Some((f, v)) = part.split_once("!=") {
            (f, false, v)
        } else if let Some((f, v)) = part.split_once("==") {
            (f, true, v)
        } else if let Some((f, v)) = part.split_once('=') {
            (f, true, v)
        } else {
            return Err(check_err(format!(
                "invalid selector: '{text}'; can't understand '{part}'"
            )));
        };
        let field = field.trim();
        if !FIELDS.contains(&field) {
            return Err(err(format!(
                "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"{text}\": \"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\", \"spec.nodeName\", \"spec.restartPolicy\", \"spec.schedulerName\", \"spec.serviceAccountName\", \"spec.hostNetwork\", \"status.phase\", \"status.podIP\", \"status.podIPs\", \"status.nominatedNodeName\""
            )));
        }
        out.push(FieldRequirement {
            field: field.to_string(),
            equals,
            value: value.trim().to_string(),
        });
    }
    Ok(out)
}

fn label_arg(p: &Parsed) -> Result<Option<(String, LabelSelector)>, StepError> {
    match p.get("selector") {
        None => Ok(None),
        Some(text) => Ok(Some((text.to_string(), parse_label_selector(text)?))),
    }
}

fn parse_delete(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(
        args,
        &[
            NAMESPACE,
            Flag::value("selector").short('l'),
            Flag::value("field-selector"),
            Flag::value("cascade"),
            Flag::bool("all"),
            Flag::bool("wait"),
        ],
        path,
    )?;
    let cascade = match p.get("cascade") {
        None | Some("background") => CascadeFlag::Background,
        Some("foreground") => CascadeFlag::Foreground,
        Some("orphan") => CascadeFlag::Orphan,
        Some("true") => CascadeFlag::True,
        Some("false") => CascadeFlag::False,
        Some(other) => return Err(err(messages::invalid_cascade(other))),
    };
    let namespace = p.namespace();
    if p.positionals.is_empty() {
        return Err(err(messages::REQUIRED_RESOURCE));
    }
    let (kind, names) = resources(&p.positionals)?;
    let label = label_arg(&p)?;
    let fields = match p.get("field-selector") {
        Some(f) => parse_field_selector(f)?,
        None => vec![],
    };
    let all = p.bool("all", path)?;
    let selecting = label.is_some() || !fields.is_empty() || all;
    if selecting && !names.is_empty() {
        return Err(check_err(
            "name cannot be provided when a selector is specified",
        ));
    }
    if !selecting && names.is_empty() {
        return Err(check_err(
            "resource(s) were provided, but no name was specified",
        ));
    }
    match kind {
        Some(Kind::Node) if !selecting => Ok(Step::DeleteNodes { names }),
        Some(Kind::DaemonSet) if !selecting => Ok(Step::DeleteDaemonSets {
            namespace,
            names,
            cascade,
        }),
        Some(Kind::Pod) => Ok(Step::DeletePods {
            namespace,
            target: if selecting {
                PodTarget::Query { label, fields }
            } else {
                PodTarget::Names(names)
            },
        }),
        Some(Kind::Event) => Err(err("error: the simulator's events cannot be deleted")),
        _ => Err(err(
            "error: the simulator selects pods only: kubectl delete pod -l SELECTOR [--field-selector spec.nodeName=NODE]",
        )),
    }
}

/// `ds/NAME` or `daemonset NAME`: the one DaemonSet a set/rollout command addresses.
fn one_daemon_set(args: &[String], what: &str) -> Result<String, StepError> {
    if args.is_empty() {
        return Err(check_err("required resource not specified"));
    }
    let (kind, names) = resources(args)?;
    if kind != Some(Kind::DaemonSet) {
        return Err(err(format!(
            "error: the simulator's {what} works on DaemonSets: ds/NAME"
        )));
    }
    match names.as_slice() {
        [name] => Ok(name.clone()),
        [] => Err(check_err("required resource not specified")),
        _ => Err(err(format!(
            "error: the simulator's {what} takes one DaemonSet per step"
        ))),
    }
}

fn parse_set(args: &[String]) -> Result<Step, StepError> {
    let Some(sub) = args.first() else {
        return Err(err(
            "error: a set step needs a subcommand: kubectl set image ds/NAME CONTAINER=IMAGE",
        ));
    };
    let path = format!("kubectl set {sub}");
    if sub != "image" {
        if ["env", "resources", "selector", "serviceaccount", "subject"].contains(&sub.as_str()) {
            return Err(err(format!(
                "error: \"kubectl set {sub}\" is not part of the simulator's step language: only kubectl set image is"
            )));
        }
        return Err(err(messages::unknown_command(sub, "kubectl set")));
    }
    let p = flags::parse(&args[1..], &[NAMESPACE], &path)?;
    let (res, pairs) = resources_and_pairs(&p.positionals, "image")?;
    let mut images: Vec<(String, String)> = vec![];
    for pair in &pairs {
        match pair.split_once('=') {
            Some((c, i)) if !c.is_empty() => {
                images.retain(|(k, _)| k != c);
                images.push((c.to_string(), i.to_string()));
            }
            _ => return Err(check_err(format!("invalid image format: {pair}"))),
        }
    }
    if res.is_empty() {
        return Err(check_err(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if images.is_empty() {
        return Err(check_err("at least one image update is required"));
    }
    if images.len() > 1 && images.iter().any(|(c, _)| c == "*") {
        return Err(check_err("all containers are already specified by *, but saw more than one container_name=container_image pairs"));
    }
    Ok(Step::SetImage {
        namespace: p.namespace(),
        name: one_daemon_set(&res, "kubectl set image")?,
        images,
    })
}

fn parse_rollout(args: &[String]) -> Result<Step, StepError> {
    let Some(sub) = args.first() else {
        return Err(err(
            "error: a rollout step needs a subcommand: restart, undo, status or history",
        ));
    };
    let path = format!("kubectl rollout {sub}");
    let rest = &args[1..];
    match sub.as_str() {
        "restart" => {
            let p = flags::parse(rest, &[NAMESPACE], &path)?;
            Ok(Step::RolloutRestart {
                namespace: p.namespace(),
                name: one_daemon_set(&p.positionals, "kubectl rollout restart")?,
            })
        }
        "undo" => {
            let p = flags::parse(rest, &[NAMESPACE, Flag::value("to-revision")], &path)?;
            Ok(Step::RolloutUndo {
                namespace: p.namespace(),
                name: one_daemon_set(&p.positionals, "kubectl rollout undo")?,
                to_revision: p.int("to-revision", &path)?.unwrap_or(0),
            })
        }
        "status" => {
            let p = flags::parse(
                rest,
                &[NAMESPACE, Flag::bool("watch").short('w'), Flag::value("timeout")],
                &path,
            )?;
            Ok(Step::RolloutStatus {
                namespace: p.namespace(),
                name: one_daemon_set(&p.positionals, "kubectl rollout status")?,
            })
        }
        "history" => {
            let p = flags::parse(rest, &[NAMESPACE, Flag::value("revision")], &path)?;
            let revision = p.int("revision", &path)?.unwrap_or(0);
            if revision < 0 {
                return Err(check_err(format!(
                    "revision must be a positive integer: {revision}"
                )));
            }
            Ok(Step::RolloutHistory {
                namespace: p.namespace(),
                name: one_daemon_set(&p.positionals, "kubectl rollout history")?,
                revision,
            })
        }
        "pause" | "resume" => Err(err(format!(
            "error: \"kubectl rollout {sub}\" is not part of the simulator's step language (DaemonSets cannot be paused)"
        ))),
        other => Err(err(messages::unknown_command(other, "kubectl rollout"))),
    }
}

fn parse_get(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(
        args,
        &[
            NAMESPACE,
            Flag::bool("all-namespaces").short('A'),
            Flag::value("output").short('o'),
            Flag::value("selector").short('l'),
            Flag::value("field-selector"),
        ],
        path,
    )?;
    let wide = match p.get("output") {
        None => false,
        Some("wide") => true,
        Some(other) => {
            return Err(check_err(format!(
                "unable to match a printer suitable for the output format \"{other}\", allowed formats are: wide"
            )))
        }
    };
    if p.positionals.is_empty() {
        return Err(err(messages::REQUIRED_RESOURCE));
    }
    let (kind, names) = resources(&p.positionals)?;
    let scope = if p.bool("all-namespaces", path)? {
        Scope::AllNamespaces
    } else {
        Scope::Namespace(p.namespace())
    };
    let label = label_arg(&p)?;
    let fields = match p.get("field-selector") {
        Some(f) => parse_field_selector(f)?,
        None => vec![],
    };
    let resource = match kind {
        Some(Kind::DaemonSet) => GetResource::DaemonSets,
        Some(Kind::Pod) => GetResource::Pods,
        Some(Kind::Node) => GetResource::Nodes,
        Some(Kind::Event) => GetResource::Events,
        None => return Err(err(messages::REQUIRED_RESOURCE)),
    };
    if (label.is_some() || !fields.is_empty()) && resource != GetResource::Pods {
        return Err(err(
            "error: the simulator filters pods only: kubectl get pods -l SELECTOR",
        ));
    }
    Ok(Step::Get {
        resource,
        names,
        scope,
        wide,
        label,
        fields,
    })
}

fn parse_describe(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(args, &[NAMESPACE], path)?;
    if p.positionals.is_empty() {
        return Err(err(messages::REQUIRED_RESOURCE));
    }
    let (kind, names) = resources(&p.positionals)?;
    let resource = match kind {
        Some(Kind::DaemonSet) => DescribeResource::DaemonSet,
        Some(Kind::Pod) => DescribeResource::Pod,
        _ => {
            return Err(err(
                "error: the simulator describes DaemonSets and pods: kubectl describe ds NAME",
            ))
        }
    };
    let name = match names.as_slice() {
        [name] => name.clone(),
        [] => {
            return Err(err(
                "error: the simulator describes one object per step: kubectl describe ds NAME",
            ))
        }
        _ => {
            return Err(err(
                "error: the simulator describes one object per step: kubectl describe ds NAME",
            ))
        }
    };
    Ok(Step::Describe {
        resource,
        namespace: p.namespace(),
        name,
    })
}

fn parse_apply(args: &[String], path: &str) -> Result<Step, StepError> {
    let p = flags::parse(args, &[NAMESPACE, Flag::value("filename").short('f')], path)?;
    if let Some(extra) = p.positionals.first() {
        return Err(err(messages::usage_error(
            &format!("Unexpected args: [{extra}]"),
            path,
        )));
    }
    match p.get("filename") {
        None => Err(check_err("must specify one of -f and -k")),
        Some("-") => Ok(Step::Apply {
            text: String::new(),
        }),
        Some(file) => Err(check_err(format!("the path \"{file}\" does not exist"))),
    }
}

fn parse_advance(args: &[String]) -> Result<Step, StepError> {
    let p = flags::parse(args, &[], "advance")?;
    match p.positionals.as_slice() {
        [d] => SimDuration::parse(d)
            .filter(|d| d.0 > 0)
            .map(Step::Advance)
            .ok_or_else(|| {
                err(format!(
                    "error: invalid duration \"{d}\": write a positive number with a unit, e.g. 30s, 2m, 1h30m or 500ms"
                ))
            }),
        [] => Err(err("error: advance needs a duration, e.g. advance 30s")),
        [_, extra, ..] => Err(err(format!(
            "error: advance takes one duration, got also \"{extra}\""
        ))),
    }
}

fn parse_node(args: &[String]) -> Result<Step, StepError> {
    let Some(sub) = args.first() else {
        return Err(err(
            "error: a node step needs a subcommand: add, remove, condition or allocatable",
        ));
    };
    let path = format!("node {sub}");
    let rest = &args[1..];
    match sub.as_str() {
        "add" => {
            let p = flags::parse(
                rest,
                &[
                    Flag::bool("control-plane"),
                    Flag::bool("custom"),
                    Flag::value("label"),
                    Flag::value("taint"),
                    Flag::value("cpu"),
                    Flag::value("memory"),
                    Flag::value("pods"),
                ],
                &path,
            )?;
            let name = one_name(&p, "node add NAME")?;
            let mut labels = vec![];
            for l in p.all("label") {
                let (k, v) = l.split_once('=').unwrap_or((l.as_str(), ""));
                labels.push((k.to_string(), v.to_string()));
            }
            let mut taints = vec![];
            for t in p.all("taint") {
                let (key, value, effect) = parse_one_taint(&t).map_err(check_err)?;
                let Some(effect) = effect else {
                    return Err(check_err(format!("invalid taint spec: {t}")));
                };
                taints.push(Taint::new(key, value, effect));
            }
            let quantity = |flag: &str| -> Result<Option<Quantity>, StepError> {
                match p.get(flag) {
                    None => Ok(None),
                    Some(text) => Quantity::parse(text)
                        .map(Some)
                        .map_err(|e| err(format!("error: invalid --{flag} \"{text}\": {e}"))),
                }
            };
            let pods = match p.get("pods") {
                None => None,
                Some(text) => Some(text.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(
                    || {
                        err(format!(
                            "error: invalid --pods \"{text}\": a whole number of pods"
                        ))
                    },
                )?),
            };
            let control_plane = p.bool("control-plane", &path)?;
            let custom = p.bool("custom", &path)?;
            if control_plane && custom {
                return Err(err(
                    "error: node add takes either --control-plane or --custom, not both",
                ));
            }
            Ok(Step::NodeAdd {
                name,
                control_plane,
                custom,
                labels,
                taints,
                cpu: quantity("cpu")?,
                memory: quantity("memory")?,
                pods,
            })
        }
        "remove" => {
            let p = flags::parse(rest, &[], &path)?;
            Ok(Step::NodeRemove {
                name: one_name(&p, "node remove NAME")?,
            })
        }
        "allocatable" => {
            let p = flags::parse(
                rest,
                &[
                    Flag::value("cpu"),
                    Flag::value("memory"),
                    Flag::value("pods"),
                ],
                &path,
            )?;
            let name = one_name(
                &p,
                "node allocatable NAME [--cpu Q] [--memory Q] [--pods Q]",
            )?;
            let quantity = |flag: &str| -> Result<Option<Quantity>, StepError> {
                match p.get(flag) {
                    None => Ok(None),
                    Some(text) => match Quantity::parse(text) {
                        Ok(q) if q.milli >= 0 => Ok(Some(q)),
                        Ok(_) => Err(err(format!(
                            "error: invalid --{flag} \"{text}\": must be greater than or equal to 0"
                        ))),
                        Err(e) => Err(err(format!("error: invalid --{flag} \"{text}\": {e}"))),
                    },
                }
            };
            Ok(Step::NodeAllocatable {
                name,
                cpu: quantity("cpu")?,
                memory: quantity("memory")?,
                pods: quantity("pods")?,
            })
        }
        "condition" => {
            let p = flags::parse(rest, &[], &path)?;
            let Some((name, pairs)) = p.positionals.split_first() else {
                return Err(err(
                    "error: usage: node condition NAME Ready=False|True|Unknown",
                ));
            };
            if pairs.is_empty() {
                return Err(err(
                    "error: usage: node condition NAME Ready=False|True|Unknown",
                ));
            }
            let mut conditions = vec![];
            for pair in pairs {
                let (t, s) = pair.split_once('=').unwrap_or((pair.as_str(), ""));
                let Some(t) = NodeConditionType::parse(t) else {
                    return Err(err(format!(
                        "error: unknown node condition \"{t}\": Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable"
                    )));
                };
                let Some(s) = ConditionStatus::parse(s) else {
                    return Err(err(format!(
                        "error: invalid status \"{s}\" for condition {}: True, False or Unknown",
                        t.as_str()
                    )));
                };
                conditions.push((t, s));
            }
            Ok(Step::NodeCondition {
                name: name.clone(),
                conditions,
            })
        }
        other => Err(err(format!(
            "error: unknown node subcommand \"{other}\": add, remove, condition or allocatable"
        ))),
    }
}

fn one_name(p: &Parsed, usage: &str) -> Result<String, StepError> {
    match p.positionals.as_slice() {
        [name] => Ok(name.clone()),
        _ => Err(err(format!("error: usage: {usage}"))),
    }
}

fn parse_pod(args: &[String]) -> Result<Step, StepError> {
    let Some(sub) = args.first() else {
        return Err(err("error: a pod step needs a subcommand: fail"));
    };
    if sub != "fail" {
        return Err(err(format!(
            "error: unknown pod subcommand \"{sub}\": fail"
        )));
    }
    let path = "pod fail";
    let p = flags::parse(
        &args[1..],
        &[
            NAMESPACE,
            Flag::value("node"),
            Flag::value("selector").short('l'),
        ],
        path,
    )?;
    let node = p.get("node").map(str::to_string);
    let label = label_arg(&p)?;
    if node.is_none() && label.is_none() && p.positionals.is_empty() {
        return Err(err(
            "error: usage: pod fail NAME | pod fail --node NODE [-l SELECTOR]",
        ));
    }
    if (node.is_some() || label.is_some()) && !p.positionals.is_empty() {
        return Err(check_err(
            "name cannot be provided when a selector is specified",
        ));
    }
    Ok(Step::PodFail {
        namespace: p.namespace(),
        names: p.positionals.clone(),
        node,
        label,
    })
}
