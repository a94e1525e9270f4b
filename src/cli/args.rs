//! The command line, declared with clap: `plan`, `run` and `explain`, their flags, and help
//! texts a new user can follow (with examples).

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str =
    "A Kubernetes-exact DaemonSet simulator: where DaemonSet pods land, and why not.";

const LONG_ABOUT: &str = "A Kubernetes-exact DaemonSet simulator: it places DaemonSet pods on a \
simulated cluster exactly as a real cluster would (controller, scheduler, kubelets, taints, \
rolling updates) and prints what kubectl would print, with a reason for every node that does \
not get a pod.";

const EXAMPLES: &str = "\
Examples:
  # Where do the pods of a DaemonSet land on a cluster (both in YAML files)?
  daemonset-playground plan cluster.yaml fluentd.yaml

  # The same as JSON, reading the DaemonSet from stdin
  cat fluentd.yaml | daemonset-playground plan cluster.yaml - --output json

  # Replay a lesson: taint a worker, watch the pods
  daemonset-playground run taint-a-worker.yaml

  # Why does the control-plane node get no pod?
  daemonset-playground explain cluster.yaml fluentd.yaml --node control-plane

Exit status: 0 ok, 1 invalid input (errors on stderr, as kubectl and the API server word them),
2 wrong command line.";

#[derive(Debug, Parser)]
#[command(
    name = "daemonset-playground",
    bin_name = "daemonset-playground",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a cluster until it settles and report where each DaemonSet runs pods, and why not.
    #[command(after_help = PLAN_HELP)]
    Plan(PlanArgs),
    /// Replay a scenario file (manifests plus kubectl steps) and show each step's result.
    #[command(after_help = RUN_HELP)]
    Run(RunArgs),
    /// Explain, check by check, whether a DaemonSet runs a pod on a node.
    #[command(after_help = EXPLAIN_HELP)]
    Explain(ExplainArgs),
}

/// `table` (kubectl's tables) or `json` (the documented JSON contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
}

const PLAN_HELP: &str = "\
FILE is a YAML (or JSON) stream of Nodes, DaemonSets, Pods and Lists, as `kubectl get -o yaml`
prints them; `-` reads stdin. A node without a Ready condition is Ready; a node without
allocatable has no resource limit. Pods bound to a node (spec.nodeName) that a DaemonSet selects
are adopted by it.

The table output is `kubectl get ds`, then `kubectl get pods -o wide`, then, per DaemonSet, why
each node without a pod has none. The JSON output is
  {\"daemonSets\": [{namespace, name, status, nodes: [{node, shouldRun, shouldContinueRunning,
    pod, reason}]}], \"errors\": [{field, message, line}]}

Examples:
  daemonset-playground plan cluster.yaml fluentd.yaml
  daemonset-playground plan - --output json < everything.yaml
  daemonset-playground plan cluster.yaml fluentd.yaml --seed 7   # other pod-name suffixes";

const RUN_HELP: &str = "\
A scenario is a YAML file:
  kind: Scenario
  version: 1
  title: { en: Taint a worker, ko: 워커 노드에 테인트 걸기 }
  seed: 7                                   # pod names are reproducible
  timing: { pull: 2s, start: 1s, ready: 1s } # optional kubelet delays
  objects: |                                # initial Nodes, DaemonSets, Pods
    apiVersion: v1
    kind: Node
    metadata: { name: node-1 }
  steps:
    - do: settle
    - caption: { en: A NoSchedule taint keeps running pods }
      do: kubectl taint nodes node-1 dedicated=gpu:NoSchedule
    - do: advance 30s
    - apply: |                              # kubectl apply -f - with this text
        apiVersion: apps/v1
        ...

Steps: kubectl label|taint|cordon|uncordon|drain|delete|set image|rollout restart|undo|status|
history|get|describe, apply (as above), and the simulator's advance DURATION, settle,
node add NAME [--control-plane] [--label k=v] [--taint k=v:Effect] [--cpu Q] [--memory Q]
[--pods N], node remove NAME, node condition NAME Ready=False, pod fail NAME|--node NODE.
Steps are numbered from 0; a failing step stops the replay with exit status 1.

Examples:
  daemonset-playground run taint-a-worker.yaml
  daemonset-playground run taint-a-worker.yaml --lang ko
  daemonset-playground run taint-a-worker.yaml --output json";

const EXPLAIN_HELP: &str = "\
Loads the files as `plan` does, lets the cluster settle, and prints for the node every check
the DaemonSet controller and the scheduler make: spec.nodeName, nodeSelector, required node
affinity, each taint with the toleration that covers it, cordon, readiness, resources and host
ports, and the controller's decision.

Examples:
  daemonset-playground explain cluster.yaml fluentd.yaml --node control-plane
  daemonset-playground explain all.yaml --node node-3 --daemonset kube-system/kube-proxy";

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// YAML files with Nodes, DaemonSets, Pods and Lists (`-` for stdin).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// Seed for generated names (pod-name suffixes); the same seed gives the same names.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The scenario file (`-` for stdin).
    #[arg(value_name = "SCENARIO")]
    pub scenario: String,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// Language of the captions in the table output.
    #[arg(long, value_parser = ["en", "ko"], default_value = "en")]
    pub lang: String,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// YAML files with Nodes, DaemonSets, Pods and Lists (`-` for stdin).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// The node to explain.
    #[arg(long, value_name = "NODE")]
    pub node: String,
    /// Only this DaemonSet (NAME in the default namespace, or NAMESPACE/NAME).
    #[arg(long, value_name = "NS/NAME")]
    pub daemonset: Option<String>,
    /// Seed for generated names.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub seed: u64,
}
