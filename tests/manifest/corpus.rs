//! The corpus: invalid inputs, each with kubectl's exact stderr for `kubectl apply -f ds.yaml`
//! and the line of every diagnostic (`@<line> <field>`). Case ids name the semantics rule.

use super::check::{actual, check};

/// A valid DaemonSet; most cases change one line of it. Lines: 1 apiVersion, 4 name,
/// 6 selector, 7 matchLabels, 8 app, 9 template, 11 labels, 12 app, 13 spec, 14 containers,
/// 15 `- name`, 16 image.
const BASE: &str = "\
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels:
      app: fluentd
  template:
    metadata:
      labels:
        app: fluentd
    spec:
      containers:
      - name: fluentd
        image: fluentd:v1
";

/// BASE with one piece of text replaced.
fn ds(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE lacks {from:?}");
    BASE.replacen(from, to, 1)
}

/// BASE with extra lines appended to the pod spec (indented by 6).
fn ds_spec(extra: &str) -> String {
    format!("{BASE}{extra}")
}

struct Case {
    id: &'static str,
    input: String,
    expect: &'static str,
}

fn case(id: &'static str, input: impl Into<String>, expect: &'static str) -> Case {
    Case {
        id,
        input: input.into(),
        expect,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case(
            "T35 R6.9 strict decoding: the course note's matchLables and template under selector",
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: my-daemonset\nspec:\n  selector:\n    matchLables:\n      app: my-app\n    template:\n      metadata:\n        labels:\n          app: my-app\n      spec:\n        containers:\n        - name: nginx\n          image: nginx\n",
            r#"Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.selector.matchLables", unknown field "spec.selector.template"
@7 spec.selector.matchLables
@9 spec.selector.template
"#,
        ),
        case(
            "T35 R6.10 extensions/v1beta1 is not served",
            ds("apps/v1", "extensions/v1beta1"),
            r#"error: resource mapping not found for name: "fluentd" namespace: "" from "ds.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"
ensure CRDs are installed first
@1 NoMatch
"#,
        ),
        case(
            "R6.10 apps/v1beta2 is not served",
            ds("apps/v1", "apps/v1beta2"),
            r#"error: resource mapping not found for name: "fluentd" namespace: "" from "ds.yaml": no matches for kind "DaemonSet" in version "apps/v1beta2"
ensure CRDs are installed first
@1 NoMatch
"#,
        ),
        case(
            "R6.10 a misspelled kind",
            ds("kind: DaemonSet", "kind: Daemonset"),
            r#"error: resource mapping not found for name: "fluentd" namespace: "" from "ds.yaml": no matches for kind "Daemonset" in version "apps/v1"
ensure CRDs are installed first
@2 NoMatch
"#,
        ),
        case(
            "R6.10 DaemonSet in the core group",
            ds("apps/v1", "v1"),
            r#"error: resource mapping not found for name: "fluentd" namespace: "" from "ds.yaml": no matches for kind "DaemonSet" in version "v1"
ensure CRDs are installed first
@1 NoMatch
"#,
        ),
        case(
            "R6.10 apiVersion and kind not set",
            ds("apiVersion: apps/v1\nkind: DaemonSet\n", ""),
            r#"error: error validating "ds.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false
@1 MissingKind
@1 MissingKind
"#,
        ),
        case(
            "R6.10 kind not set",
            ds("kind: DaemonSet\n", ""),
            r#"error: error validating "ds.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false
@1 MissingKind
"#,
        ),
        case(
            "T34 R6.4 empty selector",
            ds("    matchLabels:\n      app: fluentd\n", "    {}\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset
@6 spec.selector
"#,
        ),
        case(
            "T34 R6.4 selector does not match template labels",
            ds("      app: fluentd\n  template", "      app: fluentbit\n  template"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"fluentd"}: `selector` does not match template `labels`
@11 spec.template.metadata.labels
"#,
        ),
        case(
            "R6.4 missing selector selects nothing",
            ds("  selector:\n    matchLabels:\n      app: fluentd\n", ""),
            r#"The DaemonSet "fluentd" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"fluentd"}: `selector` does not match template `labels`
@8 spec.template.metadata.labels
"#,
        ),
        case(
            "R6.4 matchExpressions operator and values",
            ds(
                "    matchLabels:\n      app: fluentd\n",
                "    matchExpressions:\n    - key: app\n      operator: Gt\n      values: [\"1\"]\n    - key: tier\n      operator: In\n",
            ),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator
* spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
@9 spec.selector.matchExpressions[0].operator
@11 spec.selector.matchExpressions[1].values
"#,
        ),
        case(
            "T34 R6.6 restartPolicy OnFailure",
            ds_spec("      restartPolicy: OnFailure\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"
@17 spec.template.spec.restartPolicy
"#,
        ),
        case(
            "R6.6 restartPolicy not a policy at all",
            ds_spec("      restartPolicy: Sometimes\n"),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"
* spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always"
@17 spec.template.spec.restartPolicy
@17 spec.template.spec.restartPolicy
"#,
        ),
        case(
            "T34 R6.6 activeDeadlineSeconds",
            ds_spec("      activeDeadlineSeconds: 60\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported
@17 spec.template.spec.activeDeadlineSeconds
"#,
        ),
        case(
            "T34 R6.7 container name Web_1",
            ds("- name: fluentd", "- name: Web_1"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
@15 spec.template.spec.containers[0].name
"#,
        ),
        case(
            "T34 R6.7 missing image",
            ds("        image: fluentd:v1\n", ""),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[0].image: Required value
@15 spec.template.spec.containers[0].image
"#,
        ),
        case(
            "R6.7 duplicate container names",
            ds_spec("      - name: fluentd\n        image: fluentd:v2\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[1].name: Duplicate value: "fluentd"
@17 spec.template.spec.containers[1].name
"#,
        ),
        case(
            "R6.7 no containers",
            ds(
                "      containers:\n      - name: fluentd\n        image: fluentd:v1\n",
                "      containers: []\n",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers: Required value
@14 spec.template.spec.containers
"#,
        ),
        case(
            "R6.3 name required",
            ds("  name: fluentd\n", "  labels: {}\n"),
            r#"error: error when retrieving current configuration of:
Resource: "apps/v1, Resource=daemonsets", GroupVersionKind: "apps/v1, Kind=DaemonSet"
Name: "", Namespace: "default"
from server for: "ds.yaml": resource name may not be empty
@3 metadata.name
"#,
        ),
        case(
            "R6.3 name not a DNS subdomain",
            ds("name: fluentd", "name: My_DS"),
            r#"The DaemonSet "My_DS" is invalid: metadata.name: Invalid value: "My_DS": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
@4 metadata.name
"#,
        ),
        case(
            "R6.3 R6.5 DaemonSet label value",
            ds("  name: fluentd\n", "  name: fluentd\n  labels:\n    tier: -backend\n"),
            r#"The DaemonSet "fluentd" is invalid: metadata.labels: Invalid value: "-backend": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
@6 metadata.labels
"#,
        ),
        case(
            "R6.5 template label key with two slashes",
            ds("        app: fluentd\n", "        app: fluentd\n        a/b/c: x\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')
@13 spec.template.labels
"#,
        ),
        case(
            "R6.6 minReadySeconds and revisionHistoryLimit below zero",
            ds(
                "  selector:",
                "  minReadySeconds: -1\n  revisionHistoryLimit: -1\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0
* spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0
@6 spec.minReadySeconds
@7 spec.revisionHistoryLimit
"#,
        ),
        case(
            "T22 R6.8 maxSurge alone",
            ds(
                "  selector:",
                "  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero
@8 spec.updateStrategy.rollingUpdate.maxSurge
"#,
        ),
        case(
            "T22 R6.8 both zero",
            ds(
                "  selector:",
                "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0
@8 spec.updateStrategy.rollingUpdate.maxUnavailable
"#,
        ),
        case(
            "R6.8 maxUnavailable not a percent",
            ds(
                "  selector:",
                "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: abc\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: abc: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')
* spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0
@8 spec.updateStrategy.rollingUpdate.maxUnavailable
@8 spec.updateStrategy.rollingUpdate.maxUnavailable
"#,
        ),
        case(
            "R6.8 maxUnavailable over 100%",
            ds(
                "  selector:",
                "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 150%\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 150%: must not be greater than 100%
@8 spec.updateStrategy.rollingUpdate.maxUnavailable
"#,
        ),
        case(
            "R6.8 negative maxUnavailable",
            ds(
                "  selector:",
                "  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: -1\n  selector:",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0
@8 spec.updateStrategy.rollingUpdate.maxUnavailable
"#,
        ),
        case(
            "R6.8 unknown strategy type",
            ds("  selector:", "  updateStrategy:\n    type: Recreate\n  selector:"),
            r#"The DaemonSet "fluentd" is invalid: spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Recreate", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"
@6 spec.updateStrategy
"#,
        ),
        case(
            "R6.7 toleration with an empty key must be Exists",
            ds_spec("      tolerations:\n      - operator: Equal\n        value: x\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"
@18 spec.template.spec.tolerations[0].operator
"#,
        ),
        case(
            "R6.7 tolerationSeconds needs NoExecute",
            ds_spec("      tolerations:\n      - key: k\n        operator: Exists\n        effect: NoSchedule\n        tolerationSeconds: 30\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when `tolerationSeconds` is set
@20 spec.template.spec.tolerations[0].effect
"#,
        ),
        case(
            "R6.7 Exists toleration with a value",
            ds_spec("      tolerations:\n      - key: k\n        operator: Exists\n        value: v\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is 'Exists'
@20 spec.template.spec.tolerations[0].operator
"#,
        ),
        case(
            "R6.7 toleration effect and operator not supported",
            ds_spec("      tolerations:\n      - key: k\n        operator: In\n        effect: NoRun\n"),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.template.spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"
* spec.template.spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"
@19 spec.template.spec.tolerations[0].operator
@20 spec.template.spec.tolerations[0].effect
"#,
        ),
        case(
            "R6.7 node affinity without terms",
            ds_spec("      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: []\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term
@20 spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms
"#,
        ),
        case(
            "R6.7 node affinity expression and field rules",
            ds_spec("      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - key: disktype\n                operator: In\n              - key: cores\n                operator: Gt\n                values: [\"1\", \"2\"]\n              matchFields:\n              - key: metadata.uid\n                operator: In\n                values: [a, b]\n"),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
* spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'
* spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector
* spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key
@22 spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values
@26 spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values
@30 spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values
@28 spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key
"#,
        ),
        case(
            "R6.7 nodeSelector value",
            ds_spec("      nodeSelector:\n        disktype: fast ssd\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
@18 spec.template.spec.nodeSelector
"#,
        ),
        case(
            "R6.7 container port out of range and bad protocol",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        ports:\n        - containerPort: 70000\n          hostPort: 70000\n          protocol: tcp\n"),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive
* spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive
* spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"
@18 spec.template.spec.containers[0].ports[0].containerPort
@19 spec.template.spec.containers[0].ports[0].hostPort
@20 spec.template.spec.containers[0].ports[0].protocol
"#,
        ),
        case(
            "R6.7 the same host port twice",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        ports:\n        - containerPort: 80\n          hostPort: 8080\n      - name: sidecar\n        image: busybox\n        ports:\n        - containerPort: 81\n          hostPort: 8080\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"
@24 spec.template.spec.containers[1].ports[0].hostPort
"#,
        ),
        case(
            "R6.7 requests above limits, negative quantities, unknown resource",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        resources:\n          limits:\n            cpu: 500m\n          requests:\n            cpu: \"1\"\n            cpus: 100m\n            memory: -1Mi\n"),
            r#"The DaemonSet "fluentd" is invalid: 
* spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m
* spec.template.spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified
* spec.template.spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers
* spec.template.spec.containers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0
@21 spec.template.spec.containers[0].resources.requests
@22 spec.template.spec.containers[0].resources.requests[cpus]
@22 spec.template.spec.containers[0].resources.requests[cpus]
@23 spec.template.spec.containers[0].resources.requests[memory]
"#,
        ),
        case(
            "R6.7 volume mount without a volume",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        volumeMounts:\n        - name: varlog\n          mountPath: /var/log\n"),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "varlog"
@18 spec.template.spec.containers[0].volumeMounts[0].name
"#,
        ),
        case(
            "R6.7 hostNetwork hostPort must match containerPort",
            ds_spec("      hostNetwork: true\n").replace(
                "        image: fluentd:v1\n",
                "        image: fluentd:v1\n        ports:\n        - containerPort: 9102\n          hostPort: 9000\n",
            ),
            r#"The DaemonSet "fluentd" is invalid: spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 9000: must match `containerPort` when `hostNetwork` is true
@19 spec.template.spec.containers[0].ports[0].hostPort
"#,
        ),
        case(
            "R6.9 type error: containerPort as a string",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        ports:\n        - containerPort: \"80\"\n"),
            r#"Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
@18 spec.template.spec.containers[0].ports[0].containerPort
"#,
        ),
        case(
            "R6.9 type error: a number as a label value",
            ds("      app: fluentd\n  template", "      app: fluentd\n  template").replace(
                "        app: fluentd\n    spec",
                "        app: fluentd\n        version: 1.5\n    spec",
            ),
            r#"Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string
@13 spec.template.metadata.labels.version
"#,
        ),
        case(
            "R6.9 goyaml reads yes as a boolean",
            ds_spec("      nodeSelector:\n        ssd: yes\n"),
            r#"Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: json: cannot unmarshal bool into Go struct field PodSpec.spec.template.spec.nodeSelector of type string
@18 spec.template.spec.nodeSelector.ssd
"#,
        ),
        case(
            "R6.9 an unparsable quantity",
            ds("        image: fluentd:v1\n", "        image: fluentd:v1\n        resources:\n          requests:\n            memory: 1 gig\n"),
            r#"Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
@19 spec.template.spec.containers[0].resources.requests[memory]
"#,
        ),
        case(
            "YAML syntax error",
            ds("  name: fluentd\n", "  name: fluentd: x\n"),
            r#"error: error parsing ds.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context
@4 Syntax
"#,
        ),
        case(
            "YAML syntax error on the first line",
            "apiVersion: v1: x\n",
            r#"error: error parsing ds.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context
@1 Syntax
"#,
        ),
        case(
            "a document separator with content",
            format!("{BASE}--- {{}}\n"),
            r#"error: error parsing ds.yaml: invalid Yaml document separator: {}
@17 Syntax
"#,
        ),
        case(
            "a scalar document",
            "just some text\n",
            r#"error: error validating "ds.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false
@1 MissingKind
"#,
        ),
        case(
            "a list document",
            "- a\n- b\n",
            r#"error: error validating "ds.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false
@1 MissingKind
"#,
        ),
        case(
            "Node: taint effect, key and value",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\nspec:\n  taints:\n  - key: a b\n    value: x y\n    effect: NoRun\n  - key: dedicated\n",
            r#"The Node "node-1" is invalid: 
* metadata.taints[0].key: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
* metadata.taints[0].value: Invalid value: "x y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
* metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"
* metadata.taints[1].effect: Required value
@7 metadata.taints[0].key
@8 metadata.taints[0].value
@9 metadata.taints[0].effect
@10 metadata.taints[1].effect
"#,
        ),
        case(
            "Node: duplicate taints",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\nspec:\n  taints:\n  - key: dedicated\n    value: gpu\n    effect: NoSchedule\n  - key: dedicated\n    value: cpu\n    effect: NoSchedule\n",
            r#"The Node "node-1" is invalid: metadata.taints[1]: Duplicate value: core.Taint{Key:"dedicated", Value:"cpu", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair
@10 metadata.taints[1]
"#,
        ),
        case(
            "Node: name and label",
            "apiVersion: v1\nkind: Node\nmetadata:\n  labels:\n    kubernetes.io/hostname: -node-1\n",
            r#"error: error when retrieving current configuration of:
Resource: "/v1, Resource=nodes", GroupVersionKind: "/v1, Kind=Node"
Name: "", Namespace: ""
from server for: "ds.yaml": resource name may not be empty
@3 metadata.name
@5 metadata.labels
"#,
        ),
        case(
            "Node: negative and fractional capacity",
            "apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\nstatus:\n  capacity:\n    cpu: \"-1\"\n    pods: 1.5\n",
            r#"The Node "node-1" is invalid: 
* status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0
* status.capacity.pods: Invalid value: 1500m: must be an integer
* status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0
* status.allocatable.pods: Invalid value: 1500m: must be an integer
@7 status.capacity.cpu
@8 status.capacity.pods
@5 status.allocatable.cpu
@5 status.allocatable.pods
"#,
        ),
        case(
            "Pod: hostNetwork port defaults, nodeName and image whitespace",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: Node_1\n  containers:\n  - name: web\n    image: 'nginx '\n",
            r#"The Pod "web" is invalid: 
* spec.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
* spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace
@6 spec.nodeName
@9 spec.containers[0].image
"#,
        ),
        case(
            "Pod: no containers",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: []\n",
            r#"The Pod "web" is invalid: spec.containers: Required value
@6 spec.containers
"#,
        ),
        case(
            "List: one item not served, one with an unknown field",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: extensions/v1beta1\n  kind: DaemonSet\n  metadata:\n    name: old\n    namespace: kube-system\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-1\n  spec:\n    unschedulabel: true\n",
            r#"resource mapping not found for name: "old" namespace: "kube-system" from "ds.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"
ensure CRDs are installed first
Error from server (BadRequest): error when creating "ds.yaml": Node in version "v1" cannot be handled as a Node: strict decoding error: unknown field "spec.unschedulabel"
@4 NoMatch
@14 spec.unschedulabel
"#,
        ),
        case(
            "List: an item without kind fails the whole List client-side",
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  metadata:\n    name: node-1\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-2\n",
            r#"error: error validating "ds.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false
@4 MissingKind
"#,
        ),
        case(
            "two invalid objects: kubectl prints one line per error",
            format!("{}---\n{}", ds_spec("      restartPolicy: Never\n"), ds("name: fluentd", "name: other").replace("image: fluentd:v1\n", "image: \"\"\n")),
            r#"Error from server (Invalid): error when creating "ds.yaml": DaemonSet.apps "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
Error from server (Invalid): error when creating "ds.yaml": DaemonSet.apps "other" is invalid: spec.template.spec.containers[0].image: Required value
@17 spec.template.spec.restartPolicy
@34 spec.template.spec.containers[0].image
"#,
        ),
        case(
            "a no-match error is printed before server errors of earlier objects",
            format!("{}---\n{}", ds_spec("      restartPolicy: Never\n"), ds("apps/v1", "extensions/v1beta1")),
            r#"resource mapping not found for name: "fluentd" namespace: "" from "ds.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"
ensure CRDs are installed first
Error from server (Invalid): error when creating "ds.yaml": DaemonSet.apps "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
@17 spec.template.spec.restartPolicy
@19 NoMatch
"#,
        ),
        case(
            "a syntax error stops kubectl reading the rest of the stream",
            format!("{}---\nkind: [\n---\n{}", ds_spec("      restartPolicy: Never\n"), ds("apps/v1", "extensions/v1beta1")),
            r#"error parsing ds.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content
Error from server (Invalid): error when creating "ds.yaml": DaemonSet.apps "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
@17 spec.template.spec.restartPolicy
@20 Syntax
@21 NoMatch
"#,
        ),
    ]
}

#[test]
fn corpus_of_invalid_inputs_matches_kubectl() {
    let cases = cases();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let got = actual(&c.input);
        if got != c.expect {
            failures.push(format!(
                "=== {}\n--- input:\n{}--- expected:\n{}--- got:\n{}",
                c.id, c.input, c.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn check_helper_compares_whole_text() {
    check(BASE, "");
}
