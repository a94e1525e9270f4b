//! The step language executed against a simulated cluster, verb by verb: what kubectl prints
//! and what the cluster does, as transcripts (`$ step` then its output and error).
//!
//! Every test starts from the same cluster: a tainted control plane `cp`, workers `node-1`
//! (label `zone=a`, running a ReplicaSet's pod `web-5d8f7-abcde`) and `node-2`, and a DaemonSet
//! `fluentd`, settled (pods `fluentd-sssz6` on node-1 and `fluentd-pmw4f` on node-2).

use crate::support::{assert_text, text};
use daemonset_playground::app::scenario::{parse_scenario, Replay, ScenarioStep};
use daemonset_playground::command::parse_step;

const BASE: &str = r#"
kind: Scenario
version: 1
seed: 3
objects: |
  apiVersion: v1
  kind: Node
  metadata:
    name: cp
    labels: { node-role.kubernetes.io/control-plane: "" }
  spec:
    taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }]
  ---
  apiVersion: v1
  kind: Node
  metadata: { name: node-1, labels: { zone: a } }
  ---
  apiVersion: v1
  kind: Node
  metadata: { name: node-2 }
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web-5d8f7-abcde
    labels: { app: web }
    ownerReferences:
    - { apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f7, uid: 1f0e4d2c-0000-4000-8000-000000000001, controller: true }
  spec:
    nodeName: node-1
    containers: [{ name: web, image: nginx }]
  ---
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: { name: fluentd }
  spec:
    selector: { matchLabels: { app: fluentd } }
    template:
      metadata: { labels: { app: fluentd } }
      spec:
        containers: [{ name: fluentd, image: "fluentd:v1" }]
"#;

/// A step: a command line, or `apply` text (a step starting with `apiVersion`).
fn scenario_step(index: usize, step: &str) -> ScenarioStep {
    if step.starts_with("apiVersion") {
        return ScenarioStep {
            index,
            text: "kubectl apply -f -".to_string(),
            step: Ok(daemonset_playground::command::Step::Apply {
                text: step.to_string(),
            }),
            caption: None,
        };
    }
    ScenarioStep {
        index,
        text: step.to_string(),
        step: parse_step(step),
        caption: None,
    }
}

/// Settles the base cluster, runs `steps`, and returns `$ step` plus its output for each step
/// run (the failing step last, with its error).
fn session(steps: &[&str]) -> (Replay, String) {
    let scenario = parse_scenario(BASE).expect("the base scenario parses");
    let mut replay = Replay::start(&scenario);
    assert!(
        !replay.initial.has_errors(),
        "{}",
        replay.initial.render_errors()
    );
    assert!(replay.run_step(&scenario_step(0, "settle")));
    let mut out = String::new();
    for (i, s) in steps.iter().enumerate() {
        let step = scenario_step(i + 1, s);
        let ok = replay.run_step(&step);
        out.push_str(&format!("$ {}\n", step.text));
        match replay.steps.last().filter(|r| r.index == i + 1) {
            Some(record) => out.push_str(&record.execution.transcript()),
            None => out.push_str(&format!(
                "{}\n",
                step.step.as_ref().err().map(|e| e.0.as_str()).unwrap_or("")
            )),
        }
        if !ok {
            break;
        }
    }
    (replay, out)
}

fn check(steps: &[&str], expected: &str) -> Replay {
    let (replay, actual) = session(steps);
    assert_text(&actual, &text(expected));
    replay
}

#[test]
fn label_needs_overwrite_to_change_a_value() {
    check(
        &[
            "kubectl label nodes node-1 disktype=ssd",
            "kubectl label nodes node-1 zone=a --overwrite",
            "kubectl label nodes node-1 zone- gone-",
            "kubectl label nodes node-1 disktype=hdd",
        ],
        r#"
        $ kubectl label nodes node-1 disktype=ssd
        node/node-1 labeled
        $ kubectl label nodes node-1 zone=a --overwrite
        node/node-1 not labeled
        $ kubectl label nodes node-1 zone- gone-
        label "gone" not found.
        node/node-1 unlabeled
        $ kubectl label nodes node-1 disktype=hdd
        error: 'disktype' already has a value (ssd), and --overwrite is false
        "#,
    );
}

#[test]
fn label_keys_are_validated_by_the_api_server() {
    check(
        &["kubectl label nodes node-1 Bad_Key!=x"],
        r#"
        $ kubectl label nodes node-1 Bad_Key!=x
        The Node "node-1" is invalid: metadata.labels: Invalid value: "Bad_Key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
        "#,
    );
}

#[test]
fn label_on_a_missing_node_is_not_found() {
    check(
        &["kubectl label nodes nope a=b"],
        r#"
        $ kubectl label nodes nope a=b
        Error from server (NotFound): nodes "nope" not found
        "#,
    );
}

/// T14: removing a label a nodeSelector needs deletes the pod (no IgnoredDuringExecution).
#[test]
fn removing_a_selected_label_deletes_the_daemon_pod() {
    let replay = check(
        &[
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: zone-agent }\nspec:\n  selector: { matchLabels: { app: zone-agent } }\n  template:\n    metadata: { labels: { app: zone-agent } }\n    spec:\n      nodeSelector: { zone: a }\n      containers: [{ name: agent, image: busybox }]\n",
            "settle",
            "kubectl label nodes node-1 zone-",
            "kubectl get pods -l app=zone-agent",
        ],
        r#"
        $ kubectl apply -f -
        daemonset.apps/zone-agent created
        $ settle
        $ kubectl label nodes node-1 zone-
        node/node-1 unlabeled
        $ kubectl get pods -l app=zone-agent
        NAME               READY   STATUS        RESTARTS   AGE
        zone-agent-5pnhp   1/1     Terminating   0          4s
        "#,
    );
    let events: Vec<String> = replay.steps[3]
        .execution
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.reason, e.object, e.message))
        .collect();
    assert_text(
        &events.join("\n"),
        "SuccessfulDelete DaemonSet/default/zone-agent Deleted pod: zone-agent-5pnhp\nKilling Pod/default/zone-agent-5pnhp Stopping container agent",
    );
}

/// R1.8, T8, T9: NoSchedule keeps the running pod (DESIRED and CURRENT drop); NoExecute deletes
/// it; removing the taint brings a pod back.
#[test]
fn taint_results_and_effects() {
    check(
        &[
            "kubectl taint nodes node-1 dedicated=gpu:NoSchedule",
            "kubectl get ds",
            "kubectl taint nodes node-1 dedicated=gpu:NoSchedule",
            "kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite",
            "kubectl taint nodes node-2 dedicated=gpu:NoExecute",
            "kubectl get pods -o wide",
            "kubectl taint nodes node-2 dedicated-",
            "kubectl taint nodes node-1 dedicated:NoExecute-",
        ],
        r#"
        $ kubectl taint nodes node-1 dedicated=gpu:NoSchedule
        node/node-1 tainted
        $ kubectl get ds
        NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
        fluentd   1         1         1       1            1           <none>          4s
        $ kubectl taint nodes node-1 dedicated=gpu:NoSchedule
        error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false
        "#,
    );
    check(
        &[
            "kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite",
            "kubectl taint nodes node-2 dedicated=gpu:NoExecute",
            "kubectl get pods -o wide",
            "kubectl taint nodes node-2 dedicated-",
            "kubectl get pods -o wide",
            "kubectl taint nodes node-1 dedicated:NoExecute-",
        ],
        r#"
        $ kubectl taint nodes node-1 dedicated=cpu:NoSchedule --overwrite
        node/node-1 modified
        $ kubectl taint nodes node-2 dedicated=gpu:NoExecute
        node/node-2 tainted
        $ kubectl get pods -o wide
        NAME              READY   STATUS        RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
        fluentd-pmw4f     1/1     Terminating   0          4s    10.244.138.158   node-2   <none>           <none>
        fluentd-sssz6     1/1     Running       0          4s    10.244.132.75    node-1   <none>           <none>
        web-5d8f7-abcde   1/1     Running       0          4s    10.244.157.156   node-1   <none>           <none>
        $ kubectl taint nodes node-2 dedicated-
        node/node-2 untainted
        $ kubectl get pods -o wide
        NAME              READY   STATUS        RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
        fluentd-pmw4f     1/1     Terminating   0          4s    10.244.138.158   node-2   <none>           <none>
        fluentd-sssz6     1/1     Running       0          4s    10.244.132.75    node-1   <none>           <none>
        web-5d8f7-abcde   1/1     Running       0          4s    10.244.157.156   node-1   <none>           <none>
        $ kubectl taint nodes node-1 dedicated:NoExecute-
        error: taint "dedicated:NoExecute" not found
        "#,
    );
}

/// R8.3, T6: a cordoned node keeps and still gets daemon pods; drain refuses without
/// `--ignore-daemonsets`, and with it evicts the other pods and leaves the daemon pod.
#[test]
fn cordon_and_drain() {
    check(
        &[
            "kubectl cordon node-1",
            "kubectl cordon node-1",
            "kubectl get nodes",
            "kubectl delete pod fluentd-sssz6",
            "advance 30s",
            "kubectl get pods -o wide --field-selector spec.nodeName=node-1",
            "kubectl uncordon node-1",
            "kubectl drain node-1",
        ],
        r#"
        $ kubectl cordon node-1
        node/node-1 cordoned
        $ kubectl cordon node-1
        node/node-1 already cordoned
        $ kubectl get nodes
        NAME     STATUS                     ROLES           AGE   VERSION
        cp       Ready                      control-plane   4s    v1.33.1
        node-1   Ready,SchedulingDisabled   <none>          4s    v1.33.1
        node-2   Ready                      <none>          4s    v1.33.1
        $ kubectl delete pod fluentd-sssz6
        pod "fluentd-sssz6" deleted
        $ advance 30s
        $ kubectl get pods -o wide --field-selector spec.nodeName=node-1
        NAME              READY   STATUS              RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
        fluentd-5pnhp     0/1     ContainerCreating   0          0s    <none>           node-1   <none>           <none>
        web-5d8f7-abcde   1/1     Running             0          34s   10.244.157.156   node-1   <none>           <none>
        $ kubectl uncordon node-1
        node/node-1 uncordoned
        $ kubectl drain node-1
        node/node-1 cordoned
        error: unable to drain node "node-1", aborting command...

        There are pending nodes to be drained:
         node-1
        error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/fluentd-5pnhp
        "#,
    );
    check(
        &[
            "kubectl drain node-1 --ignore-daemonsets",
            "kubectl get pods -o wide",
        ],
        r#"
        $ kubectl drain node-1 --ignore-daemonsets
        node/node-1 cordoned
        Warning: ignoring DaemonSet-managed Pods: default/fluentd-sssz6
        evicting pod default/web-5d8f7-abcde
        pod/web-5d8f7-abcde evicted
        node/node-1 drained
        $ kubectl get pods -o wide
        NAME              READY   STATUS        RESTARTS   AGE   IP               NODE     NOMINATED NODE   READINESS GATES
        fluentd-pmw4f     1/1     Running       0          4s    10.244.138.158   node-2   <none>           <none>
        fluentd-sssz6     1/1     Running       0          4s    10.244.132.75    node-1   <none>           <none>
        web-5d8f7-abcde   1/1     Terminating   0          4s    10.244.157.156   node-1   <none>           <none>
        "#,
    );
}

/// R2.10, T31: `--cascade=orphan` leaves the pods, and a new DaemonSet adopts them.
#[test]
fn delete_daemonset_with_and_without_orphans() {
    check(
        &[
            "kubectl delete ds fluentd --cascade=orphan",
            "kubectl get pods -l app=fluentd",
            "kubectl get ds",
            "kubectl delete ds fluentd",
        ],
        r#"
        $ kubectl delete ds fluentd --cascade=orphan
        daemonset.apps "fluentd" deleted
        $ kubectl get pods -l app=fluentd
        NAME            READY   STATUS    RESTARTS   AGE
        fluentd-pmw4f   1/1     Running   0          4s
        fluentd-sssz6   1/1     Running   0          4s
        $ kubectl get ds
        No resources found in default namespace.
        $ kubectl delete ds fluentd
        Error from server (NotFound): daemonsets.apps "fluentd" not found
        "#,
    );
    check(
        &[
            "kubectl delete ds fluentd --cascade=false",
            "kubectl delete node node-2",
            "kubectl get pods",
        ],
        r#"
        $ kubectl delete ds fluentd --cascade=false
        warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.
        daemonset.apps "fluentd" deleted
        $ kubectl delete node node-2
        node "node-2" deleted
        $ kubectl get pods
        NAME              READY   STATUS    RESTARTS   AGE
        fluentd-sssz6     1/1     Running   0          4s
        web-5d8f7-abcde   1/1     Running   0          4s
        "#,
    );
    check(
        &["kubectl delete ds fluentd", "kubectl get pods"],
        r#"
        $ kubectl delete ds fluentd
        daemonset.apps "fluentd" deleted
        $ kubectl get pods
        NAME              READY   STATUS        RESTARTS   AGE
        fluentd-pmw4f     1/1     Terminating   0          4s
        fluentd-sssz6     1/1     Terminating   0          4s
        web-5d8f7-abcde   1/1     Running       0          4s
        "#,
    );
}

#[test]
fn delete_pods_by_name_label_and_field_selector() {
    check(
        &[
            "kubectl delete pod -l app=nothing",
            "kubectl delete pod --field-selector spec.nodeName=node-2",
            "kubectl delete pods -l app=web",
            "kubectl delete pod nope",
        ],
        r#"
        $ kubectl delete pod -l app=nothing
        No resources found
        $ kubectl delete pod --field-selector spec.nodeName=node-2
        pod "fluentd-pmw4f" deleted
        $ kubectl delete pods -l app=web
        pod "web-5d8f7-abcde" deleted
        $ kubectl delete pod nope
        Error from server (NotFound): pods "nope" not found
        "#,
    );
}

/// R3.1, R3.5, R3.9, R3.11, R3.12, T28: an image change is a new revision rolled out one node
/// at a time; undo reuses revision 1 as revision 3.
#[test]
fn set_image_rollout_status_history_and_undo() {
    check(
        &[
            "kubectl set image ds/fluentd fluentd=fluentd:v2",
            "kubectl rollout status ds/fluentd",
            "settle",
            "kubectl rollout status ds/fluentd",
            "kubectl rollout history ds/fluentd",
            "kubectl set image ds/fluentd fluentd=fluentd:v2",
            "kubectl rollout undo ds/fluentd --to-revision=2",
            "kubectl rollout undo ds/fluentd",
            "settle",
            "kubectl rollout history ds/fluentd",
            "kubectl rollout history ds/fluentd --revision=3",
            "kubectl get ds -o wide",
            "kubectl rollout undo ds/fluentd --to-revision=9",
        ],
        r#"
        $ kubectl set image ds/fluentd fluentd=fluentd:v2
        daemonset.apps/fluentd image updated
        $ kubectl rollout status ds/fluentd
        Waiting for daemon set "fluentd" rollout to finish: 0 out of 2 new pods have been updated...
        $ settle
        $ kubectl rollout status ds/fluentd
        daemon set "fluentd" successfully rolled out
        $ kubectl rollout history ds/fluentd
        daemonset.apps/fluentd 
        REVISION  CHANGE-CAUSE
        1         <none>
        2         <none>

        $ kubectl set image ds/fluentd fluentd=fluentd:v2
        $ kubectl rollout undo ds/fluentd --to-revision=2
        daemonset.apps/fluentd skipped rollback (current template already matches revision 2)
        $ kubectl rollout undo ds/fluentd
        daemonset.apps/fluentd rolled back
        $ settle
        $ kubectl rollout history ds/fluentd
        daemonset.apps/fluentd 
        REVISION  CHANGE-CAUSE
        2         <none>
        3         <none>

        $ kubectl rollout history ds/fluentd --revision=3
        daemonset.apps/fluentd with revision #3
        Pod Template:
          Labels:  app=fluentd
          Containers:
           fluentd:
            Image:         fluentd:v1
            Port:          <none>
            Host Port:     <none>
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>

        $ kubectl get ds -o wide
        NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE     CONTAINERS   IMAGES       SELECTOR
        fluentd   2         2         2       2            2           <none>          2m20s   fluentd      fluentd:v1   app=fluentd
        $ kubectl rollout undo ds/fluentd --to-revision=9
        error: unable to find specified revision 9 in history
        "#,
    );
}

#[test]
fn set_image_names_a_missing_container() {
    check(
        &["kubectl set image ds/fluentd sidecar=busybox"],
        r#"
        $ kubectl set image ds/fluentd sidecar=busybox
        error: unable to find container named "sidecar"
        "#,
    );
}

/// `rollout restart` stamps the template, which makes a new revision; twice in the same second
/// is kubectl's error. `rollout undo` with one revision has nothing to go back to.
#[test]
fn rollout_restart_and_undo_without_history() {
    check(
        &["kubectl rollout undo ds/fluentd"],
        r#"
        $ kubectl rollout undo ds/fluentd
        error: no last revision to roll back to
        "#,
    );
    let replay = check(
        &[
            "kubectl rollout restart ds/fluentd",
            "kubectl rollout restart ds/fluentd",
        ],
        r#"
        $ kubectl rollout restart ds/fluentd
        daemonset.apps/fluentd restarted
        $ kubectl rollout restart ds/fluentd
        error: failed to create patch for fluentd: if restart has already been triggered within the past second, please wait before attempting to trigger another
        "#,
    );
    let ds = &replay.sim.daemon_sets()[0];
    assert_eq!(
        ds.template
            .annotations
            .get("kubectl.kubernetes.io/restartedAt")
            .map(String::as_str),
        Some("2025-01-01T00:00:04Z")
    );
    assert_eq!(replay.sim.revisions(ds).len(), 2);
}

/// `kubectl apply -f -`: created, configured, unchanged; update validation (T36); errors as
/// kubectl prints them for STDIN.
#[test]
fn apply_creates_configures_and_validates() {
    let ds = |image: &str, app: &str| {
        format!("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {{ name: fluentd }}\nspec:\n  selector: {{ matchLabels: {{ app: {app} }} }}\n  template:\n    metadata: {{ labels: {{ app: {app} }} }}\n    spec:\n      containers: [{{ name: fluentd, image: \"{image}\" }}]\n")
    };
    let same = ds("fluentd:v1", "fluentd");
    let newer = ds("fluentd:v3", "fluentd");
    let other_selector = ds("fluentd:v3", "logs");
    check(
        &[
            &same,
            &newer,
            "apiVersion: v1\nkind: Node\nmetadata: { name: node-3 }\n",
            &other_selector,
        ],
        r#"
        $ kubectl apply -f -
        daemonset.apps/fluentd unchanged
        $ kubectl apply -f -
        daemonset.apps/fluentd configured
        $ kubectl apply -f -
        node/node-3 created
        $ kubectl apply -f -
        The DaemonSet "fluentd" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"logs"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable
        "#,
    );
    check(
        &["apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: { name: old }\n"],
        r#"
        $ kubectl apply -f -
        error: resource mapping not found for name: "old" namespace: "" from "STDIN": no matches for kind "DaemonSet" in version "extensions/v1beta1"
        ensure CRDs are installed first
        "#,
    );
}

/// The simulator's own verbs: nodes come and go, conditions change, containers fail (T7, T17).
#[test]
fn node_add_remove_and_conditions() {
    check(
        &[
            "node add node-3 --label zone=b --cpu 2 --memory 4Gi",
            "node add cp-2 --control-plane",
            "node add node-3",
            "settle",
            "kubectl get pods -o wide --field-selector spec.nodeName=node-3",
            "node condition node-2 Ready=False",
            "kubectl get nodes",
            "kubectl get ds",
            "node remove node-3",
            "node remove node-3",
        ],
        r#"
        $ node add node-3 --label zone=b --cpu 2 --memory 4Gi
        node/node-3 created
        $ node add cp-2 --control-plane
        node/cp-2 created
        $ node add node-3
        Error from server (AlreadyExists): nodes "node-3" already exists
        "#,
    );
    check(
        &[
            "node add node-3 --label zone=b --cpu 2 --memory 4Gi",
            "settle",
            "kubectl get pods -o wide --field-selector spec.nodeName=node-3",
            "node condition node-2 Ready=False",
            "kubectl get nodes",
            "kubectl get ds",
            "node remove node-3",
            "kubectl get ds",
            "node remove node-3",
        ],
        r#"
        $ node add node-3 --label zone=b --cpu 2 --memory 4Gi
        node/node-3 created
        $ settle
        $ kubectl get pods -o wide --field-selector spec.nodeName=node-3
        NAME            READY   STATUS    RESTARTS   AGE   IP             NODE     NOMINATED NODE   READINESS GATES
        fluentd-5pnhp   1/1     Running   0          4s    10.244.96.41   node-3   <none>           <none>
        $ node condition node-2 Ready=False
        node/node-2 condition Ready set to False
        $ kubectl get nodes
        NAME     STATUS     ROLES           AGE   VERSION
        cp       Ready      control-plane   8s    v1.33.1
        node-1   Ready      <none>          8s    v1.33.1
        node-2   NotReady   <none>          8s    v1.33.1
        node-3   Ready      <none>          4s    v1.33.1
        $ kubectl get ds
        NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
        fluentd   2         2         2       2            2           <none>          8s
        $ node remove node-3
        node "node-3" deleted
        $ kubectl get ds
        NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
        fluentd   1         1         1       1            1           <none>          8s
        $ node remove node-3
        Error from server (NotFound): nodes "node-3" not found
        "#,
    );
}

/// R2.5, T17: a failed daemon pod is deleted (FailedDaemonPod) and replaced.
#[test]
fn pod_fail_gets_the_daemon_pod_replaced() {
    let replay = check(
        &[
            "pod fail fluentd-pmw4f",
            "kubectl get pods --field-selector spec.nodeName=node-2",
            "pod fail --node node-2 -l app=nothing",
            "pod fail nope",
        ],
        r#"
        $ pod fail fluentd-pmw4f
        pod/fluentd-pmw4f failed (its container exited with code 1)
        $ kubectl get pods --field-selector spec.nodeName=node-2
        NAME            READY   STATUS              RESTARTS   AGE
        fluentd-5pnhp   0/1     ContainerCreating   0          0s
        $ pod fail --node node-2 -l app=nothing
        No resources found
        $ pod fail nope
        Error from server (NotFound): pods "nope" not found
        "#,
    );
    let events: Vec<String> = replay.steps[1]
        .execution
        .events
        .iter()
        .map(|e| format!("{} {} {}", e.event_type.as_str(), e.reason, e.message))
        .collect();
    assert_text(
        &events.join("\n"),
        "Warning FailedDaemonPod Found failed daemon pod default/fluentd-pmw4f on node node-2, will try to kill it\n\
         Normal SuccessfulDelete Deleted pod: fluentd-pmw4f\n\
         Normal SuccessfulCreate Created pod: fluentd-5pnhp\n\
         Normal Scheduled Successfully assigned default/fluentd-5pnhp to node-2",
    );
}

#[test]
fn get_and_describe_missing_objects() {
    check(
        &["kubectl get ds fluentd nope"],
        r#"
        $ kubectl get ds fluentd nope
        NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
        fluentd   2         2         2       2            2           <none>          4s
        Error from server (NotFound): daemonsets.apps "nope" not found
        "#,
    );
    check(
        &["kubectl get pods -n kube-system"],
        r#"
        $ kubectl get pods -n kube-system
        No resources found in kube-system namespace.
        "#,
    );
    check(
        &["kubectl describe pod nope"],
        r#"
        $ kubectl describe pod nope
        Error from server (NotFound): pods "nope" not found
        "#,
    );
}

/// R7.4: `describe ds`, laid out as kubectl's tab writer lays it out, events with ages.
#[test]
fn describe_daemonset() {
    check(
        &["advance 3m", "kubectl describe ds fluentd"],
        r#"
        $ advance 3m
        $ kubectl describe ds fluentd
        Name:           fluentd
        Namespace:      default
        Selector:       app=fluentd
        Node-Selector:  <none>
        Labels:         <none>
        Annotations:    deprecated.daemonset.template.generation: 1
        Desired Number of Nodes Scheduled: 2
        Current Number of Nodes Scheduled: 2
        Number of Nodes Scheduled with Up-to-date Pods: 2
        Number of Nodes Scheduled with Available Pods: 2
        Number of Nodes Misscheduled: 0
        Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed
        Pod Template:
          Labels:  app=fluentd
          Containers:
           fluentd:
            Image:         fluentd:v1
            Port:          <none>
            Host Port:     <none>
            Environment:   <none>
            Mounts:        <none>
          Volumes:         <none>
          Node-Selectors:  <none>
          Tolerations:     <none>
        Events:
          Type    Reason            Age   From                  Message
          ----    ------            ----  ----                  -------
          Normal  SuccessfulCreate  3m4s  daemonset-controller  Created pod: fluentd-sssz6
          Normal  SuccessfulCreate  3m4s  daemonset-controller  Created pod: fluentd-pmw4f
        "#,
    );
}

/// R7.4, R1.7: a daemon pod's describe shows its controller and the automatic tolerations.
#[test]
fn describe_daemon_pod() {
    check(
        &["kubectl describe pod fluentd-pmw4f"],
        r#"
        $ kubectl describe pod fluentd-pmw4f
        Name:             fluentd-pmw4f
        Namespace:        default
        Priority:         0
        Service Account:  default
        Node:             node-2/192.168.217.224
        Start Time:       Wed, 01 Jan 2025 00:00:00 +0000
        Labels:           app=fluentd
                          controller-revision-hash=884fcf68b
                          pod-template-generation=1
        Annotations:      <none>
        Status:           Running
        IP:               10.244.138.158
        IPs:
          IP:           10.244.138.158
        Controlled By:  DaemonSet/fluentd
        Containers:
          fluentd:
            Container ID:   containerd://b11e6723c8fcdb52c6fb166c0ed76940ca10758847c487ddd4791988f5534d79
            Image:          fluentd:v1
            Image ID:       docker.io/library/fluentd@sha256:5803aee953331678a59e4022e56db3b8aed02641eba4d35bddbf363200758d1d
            Port:           <none>
            Host Port:      <none>
            State:          Running
              Started:      Wed, 01 Jan 2025 00:00:03 +0000
            Ready:          True
            Restart Count:  0
            Environment:    <none>
            Mounts:         <none>
        Conditions:
          Type                        Status
          PodReadyToStartContainers   True 
          Initialized                 True 
          Ready                       True 
          ContainersReady             True 
          PodScheduled                True 
        Volumes:                      <none>
        QoS Class:                    BestEffort
        Node-Selectors:               <none>
        Tolerations:                  node.kubernetes.io/disk-pressure:NoSchedule op=Exists
                                      node.kubernetes.io/memory-pressure:NoSchedule op=Exists
                                      node.kubernetes.io/not-ready:NoExecute op=Exists
                                      node.kubernetes.io/pid-pressure:NoSchedule op=Exists
                                      node.kubernetes.io/unreachable:NoExecute op=Exists
                                      node.kubernetes.io/unschedulable:NoSchedule op=Exists
        Events:
          Type    Reason     Age   From               Message
          ----    ------     ----  ----               -------
          Normal  Scheduled  4s    default-scheduler  Successfully assigned default/fluentd-pmw4f to node-2
          Normal  Pulling    2s    kubelet            Pulling image "fluentd:v1"
          Normal  Pulled     2s    kubelet            Successfully pulled image "fluentd:v1" in 2s (2s including waiting). Image size: 0 bytes.
          Normal  Created    1s    kubelet            Created container: fluentd
          Normal  Started    1s    kubelet            Started container fluentd
        "#,
    );
}

#[test]
fn a_step_that_does_not_parse_stops_with_kubectls_error() {
    check(
        &["kubectl lable nodes node-1 a=b", "settle"],
        r#"
        $ kubectl lable nodes node-1 a=b
        error: unknown command "lable" for "kubectl"
        "#,
    );
}
