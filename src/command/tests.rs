//! The step language, verb by verb: each accepted step with its canonical printing (which must
//! parse back to the same step), and each rejected step with kubectl's error text.

use super::*;

/// Parses `input`, prints it, and checks that the printed text parses to the same step.
fn canonical(input: &str) -> String {
    let step = parse_step(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let printed = step.to_string();
    let again = parse_step(&printed).unwrap_or_else(|e| panic!("{printed}: {e}"));
    assert_eq!(again, step, "round trip of {input} via {printed}");
    printed
}

fn error(input: &str) -> String {
    match parse_step(input) {
        Ok(step) => panic!("{input} parsed as {step:?}"),
        Err(e) => e.0,
    }
}

/// `input => canonical` per line.
fn check_accepted(cases: &str) {
    for line in cases.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (input, want) = line.split_once(" => ").expect("`input => canonical`");
        assert_eq!(canonical(input), want, "{input}");
    }
}

#[test]
fn accepts_every_verb_and_prints_it_canonically() {
    check_accepted(
        r#"
        kubectl label nodes node-1 disktype=ssd => kubectl label nodes node-1 disktype=ssd
        kubectl label node/node-1 disktype=ssd zone- --overwrite => kubectl label nodes node-1 disktype=ssd zone- --overwrite
        kubectl label no a b tier=x => kubectl label nodes a b tier=x
        kubectl taint nodes node-1 dedicated=gpu:NoSchedule => kubectl taint nodes node-1 dedicated=gpu:NoSchedule
        kubectl taint node node-1 dedicated:NoSchedule- => kubectl taint nodes node-1 dedicated:NoSchedule-
        kubectl taint nodes node-1 dedicated- => kubectl taint nodes node-1 dedicated-
        kubectl taint nodes node-1 bar:NoExecute dedicated=gpu:PreferNoSchedule --overwrite => kubectl taint nodes node-1 bar:NoExecute dedicated=gpu:PreferNoSchedule --overwrite
        kubectl cordon node-1 => kubectl cordon node-1
        kubectl uncordon node/node-1 => kubectl uncordon node-1
        kubectl drain node-1 => kubectl drain node-1
        kubectl drain node-1 --ignore-daemonsets --force --delete-emptydir-data => kubectl drain node-1 --ignore-daemonsets --force --delete-emptydir-data
        kubectl drain node-1 --delete-local-data => kubectl drain node-1 --delete-emptydir-data
        kubectl delete node node-4 => kubectl delete node node-4
        kubectl delete nodes a b => kubectl delete node a b
        kubectl delete ds fluentd => kubectl delete ds fluentd
        kubectl delete daemonset.apps/fluentd -n kube-system --cascade=orphan => kubectl delete ds fluentd -n kube-system --cascade=orphan
        kubectl delete ds fluentd --cascade=false => kubectl delete ds fluentd --cascade=false
        kubectl delete ds fluentd --cascade=background => kubectl delete ds fluentd
        kubectl delete pod fluentd-x8k2p => kubectl delete pod fluentd-x8k2p
        kubectl delete pods -l app=fluentd => kubectl delete pod -l app=fluentd
        kubectl delete pod -l 'app in (a,b)' --field-selector spec.nodeName=node-1 -n kube-system => kubectl delete pod -l 'app in (a,b)' --field-selector spec.nodeName=node-1 -n kube-system
        kubectl delete po --field-selector=spec.nodeName==node-2 => kubectl delete pod --field-selector spec.nodeName=node-2
        kubectl delete pods --all => kubectl delete pod --all
        kubectl set image ds/fluentd fluentd=fluentd:v2 => kubectl set image ds/fluentd fluentd=fluentd:v2
        kubectl set image daemonset fluentd '*=busybox' -n logging => kubectl set image ds/fluentd '*=busybox' -n logging
        kubectl rollout restart ds/fluentd => kubectl rollout restart ds/fluentd
        kubectl rollout undo daemonset/fluentd => kubectl rollout undo ds/fluentd
        kubectl rollout undo ds/fluentd --to-revision=2 => kubectl rollout undo ds/fluentd --to-revision=2
        kubectl rollout undo ds/fluentd --to-revision 2 => kubectl rollout undo ds/fluentd --to-revision=2
        kubectl rollout status ds/fluentd --watch=false => kubectl rollout status ds/fluentd
        kubectl rollout history ds fluentd => kubectl rollout history ds/fluentd
        kubectl rollout history ds/fluentd --revision=3 => kubectl rollout history ds/fluentd --revision=3
        kubectl get ds => kubectl get ds
        kubectl get daemonsets -A -o wide => kubectl get ds -o wide -A
        kubectl -n kube-system get ds => kubectl get ds -n kube-system
        kubectl get pods -o wide -l app=fluentd => kubectl get pods -l app=fluentd -o wide
        kubectl get po --field-selector spec.nodeName=node-1 => kubectl get pods --field-selector spec.nodeName=node-1
        kubectl get nodes => kubectl get nodes
        kubectl get no node-1 => kubectl get nodes node-1
        kubectl get events => kubectl get events
        kubectl describe ds fluentd => kubectl describe ds fluentd
        kubectl describe pod/fluentd-x8k2p -n kube-system => kubectl describe pod fluentd-x8k2p -n kube-system
        kubectl apply -f - => kubectl apply -f -
        advance 30s => advance 30s
        advance 90s => advance 1m30s
        advance 1.5s => advance 1s500ms
        advance 2h => advance 2h
        settle => settle
        node add node-5 => node add node-5
        node add edge-1 --custom --taint edge:NoExecute => node add edge-1 --custom --taint edge:NoExecute
        node allocatable node-1 --pods 20 --cpu 500m => node allocatable node-1 --cpu 500m --pods 20
        node allocatable node-1 => node allocatable node-1
        node add cp-2 --control-plane --label zone=a --label disktype=ssd --taint dedicated=gpu:NoSchedule --cpu 2 --memory 4Gi --pods 110 => node add cp-2 --control-plane --label zone=a --label disktype=ssd --taint dedicated=gpu:NoSchedule --cpu 2 --memory 4Gi --pods 110
        node remove node-5 => node remove node-5
        node condition node-1 Ready=False => node condition node-1 Ready=False
        node condition node-1 Ready=Unknown MemoryPressure=True => node condition node-1 Ready=Unknown MemoryPressure=True
        pod fail fluentd-x8k2p => pod fail fluentd-x8k2p
        pod fail --node node-1 -l app=fluentd => pod fail --node node-1 -l app=fluentd
        pod fail --node node-1 -n kube-system => pod fail --node node-1 -n kube-system
        "#,
    );
}

#[test]
fn parses_into_typed_steps() {
    assert_eq!(
        parse_step("kubectl taint nodes node-1 dedicated=gpu:NoSchedule k:NoExecute-").unwrap(),
        Step::Taint {
            nodes: vec!["node-1".into()],
            add: vec![Taint::new("dedicated", "gpu", TaintEffect::NoSchedule)],
            remove: vec![TaintRemoval {
                key: "k".into(),
                effect: Some(TaintEffect::NoExecute)
            }],
            overwrite: false,
        }
    );
    assert_eq!(
        parse_step("advance 1m").unwrap(),
        Step::Advance(SimDuration(60_000))
    );
    assert_eq!(
        parse_step("kubectl delete ds x --cascade=false").unwrap(),
        Step::DeleteDaemonSets {
            namespace: "default".into(),
            names: vec!["x".into()],
            cascade: CascadeFlag::False
        }
    );
}

/// `input` then, on the following indented lines, the exact error.
fn check_rejected(cases: &[(&str, &str)]) {
    for (input, want) in cases {
        assert_eq!(error(input), *want, "{input}");
    }
}

#[test]
fn rejects_with_kubectls_words() {
    check_rejected(&[
        ("kubectl lable nodes a b=c", "error: unknown command \"lable\" for \"kubectl\""),
        ("kubectl logs fluentd-x", "error: \"kubectl logs\" is not part of the simulator's step language: a step is a kubectl command (label, taint, cordon, uncordon, drain, delete, set image, rollout, get, describe, apply -f -) or a simulator verb (advance, settle, node add|remove|condition|allocatable, pod fail)"),
        ("kubectl", "error: a kubectl step needs a command, e.g. kubectl get pods -o wide"),
        ("kubectl get foos", "error: the server doesn't have a resource type \"foos\""),
        ("kubectl get deployments", "error: the simulator has no deployments: it models nodes, daemonsets, pods and events"),
        ("kubectl get", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"),
        ("kubectl get pods -o yaml", "error: unable to match a printer suitable for the output format \"yaml\", allowed formats are: wide"),
        ("kubectl get pods --watch", "error: unknown flag: --watch\nSee 'kubectl get --help' for usage."),
        ("kubectl label nodes node-1", "error: at least one label update is required"),
        ("kubectl label disktype=ssd", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>"),
        ("kubectl label nodes node-1 a=b c", "error: all resources must be specified before label changes: c"),
        ("kubectl label nodes node-1 a=b=c", "error: invalid label spec: a=b=c"),
        ("kubectl label nodes node-1 a=b a-", "error: can not both modify and remove a label in the same command"),
        ("kubectl label nodes node-1 'a=b c'", "error: invalid label value: \"a=b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        ("kubectl label pods x a=b", "error: the simulator labels nodes only: kubectl label nodes NAME key=value"),
        ("kubectl taint nodes node-1", "error: at least one taint update is required"),
        ("kubectl taint nodes node-1 dedicated=gpu:NoSchedul", "error: invalid taint effect: NoSchedul, unsupported taint effect\nSee 'kubectl taint -h' for help and examples"),
        // Without a colon the whole argument is the key (parseTaint), so the key check fails.
        ("kubectl taint nodes node-1 dedicated=gpu", "error: invalid taint spec: dedicated=gpu, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples"),
        ("kubectl taint nodes node-1 a:b:NoSchedule", "error: invalid taint spec: a:b:NoSchedule\nSee 'kubectl taint -h' for help and examples"),
        ("kubectl taint nodes node-1 a=b=c:NoSchedule", "error: invalid taint spec: a=b=c:NoSchedule\nSee 'kubectl taint -h' for help and examples"),
        ("kubectl taint nodes node-1 bad_key!=v:NoSchedule", "error: invalid taint spec: bad_key!=v:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples"),
        ("kubectl taint nodes node-1 k=v:NoSchedule k=w:NoSchedule", "error: duplicated taints with the same key and effect: {k w NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples"),
        ("kubectl taint nodes node-1 k=v:NoSchedule k-", "error: can not both modify and remove the following taint(s) in the same command: {\"k\":\"\"}"),
        ("kubectl taint pods x k=v:NoSchedule", "error: invalid resource type pods, only node types are supported"),
        ("kubectl taint nodes k=v:NoSchedule", "error: at least one resource name must be specified since 'all' parameter is not set"),
        ("kubectl taint nodes a k=v:NoSchedule b", "error: all resources must be specified before taint changes: b"),
        ("kubectl cordon", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples"),
        ("kubectl drain", "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples"),
        ("kubectl drain node-1 --ignore-daemonset", "error: unknown flag: --ignore-daemonset\nSee 'kubectl drain --help' for usage."),
        ("kubectl delete", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"),
        ("kubectl delete pods", "error: resource(s) were provided, but no name was specified"),
        ("kubectl delete pod x -l app=y", "error: name cannot be provided when a selector is specified"),
        ("kubectl delete ds x --cascade=sometimes", "error: invalid cascade value (sometimes). Must be \"background\", \"foreground\", or \"orphan\"."),
        ("kubectl delete pods -l 'a b'", "error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("kubectl delete pods --field-selector spec.foo=x", "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"spec.foo=x\": \"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\", \"spec.nodeName\", \"spec.restartPolicy\", \"spec.schedulerName\", \"spec.serviceAccountName\", \"spec.hostNetwork\", \"status.phase\", \"status.podIP\", \"status.podIPs\", \"status.nominatedNodeName\""),
        ("kubectl set image ds/fluentd", "error: at least one image update is required"),
        ("kubectl set image fluentd=v2", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>"),
        ("kubectl set image ds/a '*=x' b=y", "error: all containers are already specified by *, but saw more than one container_name=container_image pairs"),
        ("kubectl set env ds/a A=b", "error: \"kubectl set env\" is not part of the simulator's step language: only kubectl set image is"),
        ("kubectl set images ds/a a=b", "error: unknown command \"images\" for \"kubectl set\""),
        ("kubectl rollout", "error: a rollout step needs a subcommand: restart, undo, status or history"),
        ("kubectl rollout restrat ds/x", "error: unknown command \"restrat\" for \"kubectl rollout\""),
        ("kubectl rollout undo", "error: required resource not specified"),
        ("kubectl rollout undo ds/x --to-revision=two", "error: invalid argument \"two\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"two\": invalid syntax\nSee 'kubectl rollout undo --help' for usage."),
        ("kubectl rollout history ds/x --revision=-1", "error: revision must be a positive integer: -1"),
        ("kubectl rollout restart deployment/web", "error: the simulator has no deployment: it models nodes, daemonsets, pods and events"),
        ("kubectl apply -f ds.yaml", "error: the path \"ds.yaml\" does not exist"),
        ("kubectl apply", "error: must specify one of -f and -k"),
        ("kubectl describe ds", "error: the simulator describes one object per step: kubectl describe ds NAME"),
        ("", "error: empty step: a step is a kubectl command (label, taint, cordon, uncordon, drain, delete, set image, rollout, get, describe, apply -f -) or a simulator verb (advance, settle, node add|remove|condition|allocatable, pod fail)"),
        ("wait 5s", "error: unknown step \"wait\": a step is a kubectl command (label, taint, cordon, uncordon, drain, delete, set image, rollout, get, describe, apply -f -) or a simulator verb (advance, settle, node add|remove|condition|allocatable, pod fail)"),
        ("advance", "error: advance needs a duration, e.g. advance 30s"),
        ("advance soon", "error: invalid duration \"soon\": write a positive number with a unit, e.g. 30s, 2m, 1h30m or 500ms"),
        ("advance 0s", "error: invalid duration \"0s\": write a positive number with a unit, e.g. 30s, 2m, 1h30m or 500ms"),
        ("advance 5s 6s", "error: advance takes one duration, got also \"6s\""),
        ("settle now", "error: settle takes no arguments, got \"now\""),
        ("node", "error: a node step needs a subcommand: add, remove, condition or allocatable"),
        ("node add", "error: usage: node add NAME"),
        ("node add n --cpu lots", "error: invalid --cpu \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("node add n --pods -1", "error: invalid --pods \"-1\": a whole number of pods"),
        ("node add n --taint gpu", "error: invalid taint spec: gpu"),
        ("node add n --custom --control-plane", "error: node add takes either --control-plane or --custom, not both"),
        ("node allocatable", "error: usage: node allocatable NAME [--cpu Q] [--memory Q] [--pods Q]"),
        ("node allocatable n --cpu -1", "error: invalid --cpu \"-1\": must be greater than or equal to 0"),
        ("node add n --colour red", "error: unknown flag: --colour\nSee 'node add --help' for usage."),
        ("node condition node-1", "error: usage: node condition NAME Ready=False|True|Unknown"),
        ("node condition node-1 Ready=Maybe", "error: invalid status \"Maybe\" for condition Ready: True, False or Unknown"),
        ("node condition node-1 Sleepy=True", "error: unknown node condition \"Sleepy\": Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable"),
        ("node reboot node-1", "error: unknown node subcommand \"reboot\": add, remove, condition or allocatable"),
        ("pod fail", "error: usage: pod fail NAME | pod fail --node NODE [-l SELECTOR]"),
        ("pod crash x", "error: unknown pod subcommand \"crash\": fail"),
        ("kubectl get 'pods", "error: unterminated ' quote in step"),
    ]);
}
