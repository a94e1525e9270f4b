//! The one-line results and the error texts of kubectl's mutating commands, word for word from
//! kubectl (staging/src/k8s.io/kubectl/pkg/cmd/{label,taint,drain,delete,set,rollout}, cobra's
//! usage errors and `cmdutil.CheckErr`), plus the result lines of the simulator's own verbs.
//!
//! Results are `<resource>/<name> <operation>` as kubectl's name printer prints them; deletions
//! are `<resource> "<name>" deleted`. Errors carry kubectl's `error: ` prefix where kubectl adds
//! it; API errors read `Error from server (…): …`.

/// `<resource>/<name> <operation>` (the name printer with an operation).
pub fn done(resource: &str, name: &str, operation: &str) -> String {
    format!("{resource}/{name} {operation}")
}

/// `<resource> "<name>" deleted` (kubectl delete's own printer).
pub fn deleted(resource: &str, name: &str) -> String {
    format!("{resource} \"{name}\" deleted")
}

/// `Error from server (NotFound): <resource> "<name>" not found`.
pub fn not_found(resource: &str, name: &str) -> String {
    format!("Error from server (NotFound): {resource} \"{name}\" not found")
}

/// cobra: `error: unknown command "x" for "kubectl"`.
pub fn unknown_command(command: &str, path: &str) -> String {
    format!("error: unknown command \"{command}\" for \"{path}\"")
}

/// cobra: `error: unknown flag: --x` plus the hint kubectl adds.
pub fn unknown_flag(flag: &str, command_path: &str) -> String {
    format!("error: unknown flag: {flag}\nSee '{command_path} --help' for usage.")
}

/// cobra: `error: unknown shorthand flag: 'x' in -x`.
pub fn unknown_shorthand_flag(letter: char, arg: &str, command_path: &str) -> String {
    format!("error: unknown shorthand flag: '{letter}' in {arg}\nSee '{command_path} --help' for usage.")
}

/// cobra: a flag that needs a value got none.
pub fn flag_needs_argument(flag: &str, command_path: &str) -> String {
    format!("error: flag needs an argument: {flag}\nSee '{command_path} --help' for usage.")
}

/// pflag: a value of the wrong type, e.g. `--to-revision=x`.
pub fn invalid_flag_value(value: &str, flag: &str, kind: &str, command_path: &str) -> String {
    format!(
        "error: invalid argument \"{value}\" for \"{flag}\" flag: {kind}\nSee '{command_path} --help' for usage."
    )
}

/// `cmdutil.UsageErrorf`: the message and the `-h` hint.
pub fn usage_error(message: &str, command_path: &str) -> String {
    format!("error: {message}\nSee '{command_path} -h' for help and examples")
}

/// `error: the server doesn't have a resource type "x"`.
pub fn unknown_resource_type(resource: &str) -> String {
    format!("error: the server doesn't have a resource type \"{resource}\"")
}

/// kubectl's `error: You must provide one or more resources by argument or filename.` family.
pub const REQUIRED_RESOURCE: &str = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/// `kubectl label`: a key that exists, without `--overwrite`.
pub fn label_exists(key: &str, value: &str) -> String {
    format!("error: '{key}' already has a value ({value}), and --overwrite is false")
}

/// `kubectl label`: the same key added and removed.
pub const LABEL_MODIFY_AND_REMOVE: &str =
    "error: can not both modify and remove a label in the same command";

/// `kubectl label` on a missing label: printed to stdout before the result line.
pub fn label_not_found(key: &str) -> String {
    format!("label \"{key}\" not found.")
}

/// `kubectl taint`: an existing key/effect without `--overwrite`.
pub fn taint_exists(node: &str, keys: &str) -> String {
    format!("error: node {node} already has {keys} taint(s) with same effect(s) and --overwrite is false")
}

/// `kubectl taint`: removing a taint the node does not have.
pub fn taint_not_found(spec: &str) -> String {
    format!("error: taint \"{spec}\" not found")
}

/// `kubectl drain`: the node could not be drained (the filter errors follow).
pub fn drain_aborting(node: &str) -> String {
    format!("error: unable to drain node \"{node}\", aborting command...\n\nThere are pending nodes to be drained:\n {node}")
}

/// The drain filter's error for DaemonSet-managed pods (R8.3).
pub fn drain_daemonset_pods(pods: &[String]) -> String {
    format!(
        "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): {}",
        pods.join(", ")
    )
}

/// The drain filter's warning with `--ignore-daemonsets` (R8.3).
pub fn drain_ignoring_daemonset_pods(pods: &[String]) -> String {
    format!("ignoring DaemonSet-managed Pods: {}", pods.join(", "))
}

/// The drain filter's error for pods without a controller.
pub fn drain_unmanaged_pods(pods: &[String]) -> String {
    format!(
        "cannot delete Pods that declare no controller (use --force to override): {}",
        pods.join(", ")
    )
}

/// The drain filter's warning for pods without a controller with `--force`.
pub fn drain_deleting_unmanaged_pods(pods: &[String]) -> String {
    format!(
        "deleting Pods that declare no controller: {}",
        pods.join(", ")
    )
}

/// The drain filter's error for pods with emptyDir volumes.
pub fn drain_local_storage_pods(pods: &[String]) -> String {
    format!(
        "cannot delete Pods with local storage (use --delete-emptydir-data to override): {}",
        pods.join(", ")
    )
}

/// The drain filter's warning for pods with emptyDir volumes and `--delete-emptydir-data`.
pub fn drain_deleting_local_storage_pods(pods: &[String]) -> String {
    format!("deleting Pods with local storage: {}", pods.join(", "))
}

/// `kubectl set image` with a container name the template lacks.
pub fn no_such_container(name: &str) -> String {
    format!("error: unable to find container named \"{name}\"")
}

/// `kubectl rollout restart` twice within one second.
pub fn restart_too_soon(name: &str) -> String {
    format!("error: failed to create patch for {name}: if restart has already been triggered within the past second, please wait before attempting to trigger another")
}

/// `kubectl rollout undo` without an older revision.
pub const NO_LAST_REVISION: &str = "error: no last revision to roll back to";

/// `kubectl rollout undo --to-revision=N` with an unknown N.
pub fn revision_not_found(revision: i64) -> String {
    format!("error: unable to find specified revision {revision} in history")
}

/// `kubectl rollout history --revision=N` with an unknown N.
pub const HISTORY_REVISION_NOT_FOUND: &str = "error: unable to find the specified revision";

/// `kubectl rollout status` for an OnDelete DaemonSet (R3.12).
pub const ROLLOUT_STATUS_ON_DELETE: &str =
    "error: rollout status is only available for RollingUpdate strategy type";

/// `kubectl delete --cascade=<bad>`.
pub fn invalid_cascade(value: &str) -> String {
    format!("error: invalid cascade value ({value}). Must be \"background\", \"foreground\", or \"orphan\".")
}

/// `kubectl delete --cascade=true|false` (deprecated boolean form).
pub fn cascade_deprecated(value: &str, replacement: &str) -> String {
    format!("warning: --cascade={value} is deprecated (boolean value) and can be replaced with --cascade={replacement}.")
}

/// `kubectl delete` with a selector that matches nothing.
pub const NO_RESOURCES_FOUND: &str = "No resources found";
