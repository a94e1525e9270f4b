//! Every piece of API-server and kubectl wording the manifest layer produces, in one place so
//! that a version switch stays possible (DESIGN "Fidelity is the product"). Each item cites the
//! upstream source it was copied from; tests at the bottom pin the exact text.
//!
//! Deliberately absent: any logic beyond string assembly. Validators decide *whether* an error
//! applies; this module only says *how* the cluster words it.

use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// field.ErrorType.String() (apimachinery/pkg/util/validation/field/errors.go)

pub const NOT_FOUND: &str = "Not found";
pub const REQUIRED_VALUE: &str = "Required value";
pub const DUPLICATE_VALUE: &str = "Duplicate value";
pub const INVALID_VALUE: &str = "Invalid value";
pub const UNSUPPORTED_VALUE: &str = "Unsupported value";
pub const FORBIDDEN: &str = "Forbidden";
pub const TOO_LONG: &str = "Too long";

/// `field.NotSupported`'s detail: `supported values: "A", "B"`.
pub fn supported_values(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| go_quote(v)).collect();
    format!("supported values: {}", quoted.join(", "))
}

/// `field.TooLong`'s detail.
pub fn too_long_detail(max_bytes: usize) -> String {
    format!("must have at most {max_bytes} bytes")
}

// ---------------------------------------------------------------------------------------------
// Content validators (apimachinery/pkg/api/validate/content/{errors,dns,kube}.go,
// apimachinery/pkg/util/validation/validation.go). The newest MaxLenError says "bytes"
// (older releases: "characters"); semantics R6.3 picks "bytes".

/// `RegexError`: note the double space before each `or`, as upstream builds it.
pub fn regex_error(msg: &str, regex: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{regex}')");
    }
    let mut out = format!("{msg} (e.g. ");
    for (i, example) in examples.iter().enumerate() {
        if i > 0 {
            out.push_str(" or ");
        }
        out.push('\'');
        out.push_str(example);
        out.push_str("', ");
    }
    out.push_str("regex used for validation is '");
    out.push_str(regex);
    out.push_str("')");
    out
}

/// `MaxLenError`.
pub fn max_len_error(length: usize) -> String {
    format!("must be no more than {length} bytes")
}

/// `EmptyError`.
pub const EMPTY_ERROR: &str = "must be non-empty";

/// `InclusiveRangeError`.
pub fn inclusive_range_error(lo: i64, hi: i64) -> String {
    format!("must be between {lo} and {hi}, inclusive")
}

/// `apimachineryvalidation.IsNegativeErrorMsg`.
pub const IS_NEGATIVE: &str = "must be greater than or equal to 0";
/// `isNotIntegerErrorMsg`.
pub const IS_NOT_INTEGER: &str = "must be an integer";

pub const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
pub const DNS1123_LABEL_ERR: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
pub const DNS1123_LABEL_EXAMPLES: &[&str] = &["my-name", "123-abc"];
pub const DNS1123_LABEL_NO_DOTS: &str = "must not contain dots";
pub const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
pub const DNS1123_SUBDOMAIN_ERR: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
pub const DNS1123_SUBDOMAIN_EXAMPLES: &[&str] = &["example.com"];

pub const LABEL_KEY_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
pub const LABEL_KEY_ERR: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
pub const LABEL_KEY_EXAMPLES: &[&str] = &["MyName", "my.name", "123-abc"];
pub const LABEL_KEY_PREFIX: &str = "prefix part ";
pub const LABEL_KEY_NAME: &str = "name part ";
pub const LABEL_KEY_TOO_MANY_SLASHES_SUFFIX: &str =
    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
pub const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
pub const LABEL_VALUE_ERR: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
pub const LABEL_VALUE_EXAMPLES: &[&str] = &["MyValue", "my_value", "12345"];

pub const PORT_NAME_ALNUM: &str =
    "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
pub const PORT_NAME_ONE_LETTER: &str = "must contain at least one letter (a-z)";
pub const PORT_NAME_CONSECUTIVE_HYPHENS: &str = "must not contain consecutive hyphens";
pub const PORT_NAME_HYPHEN_ENDS: &str = "must not begin or end with a hyphen";

pub const PERCENT_FMT: &str = "[0-9]+%";
pub const PERCENT_ERR: &str =
    "a valid percent string must be a numeric string followed by an ending '%'";
pub const PERCENT_EXAMPLES: &[&str] = &["1%", "93%"];

/// `IsRelaxedEnvVarName` (RelaxedEnvironmentVariableValidation is GA).
pub const RELAXED_ENV_VAR_NAME: &str =
    "a valid environment variable name must consist only of printable ASCII characters other than '='";
pub const ENV_VAR_NAME_EMPTY: &str = "environment variable name must be non-empty";

// ---------------------------------------------------------------------------------------------
// Validation details (pkg/apis/core/validation, pkg/apis/apps/validation,
// apimachinery/pkg/api/validation/objectmeta.go, apimachinery/pkg/apis/meta/v1/validation).

pub const NAME_OR_GENERATE_NAME_REQUIRED: &str = "name or generateName is required";
pub const FIELD_IMMUTABLE: &str = "field is immutable";
pub const OWNER_REF_VERSION_EMPTY: &str = "version must not be empty";
pub const MUST_NOT_BE_EMPTY: &str = "must not be empty";

pub const SELECTOR_VALUES_REQUIRED: &str = "must be specified when `operator` is 'In' or 'NotIn'";
pub const SELECTOR_VALUES_FORBIDDEN: &str =
    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";
pub const NOT_A_VALID_SELECTOR_OPERATOR: &str = "not a valid selector operator";
pub const SELECTOR_VALUES_SINGLE: &str =
    "must be specified single value when `operator` is 'Lt' or 'Gt'";
pub const FIELD_SELECTOR_ONE_VALUE: &str =
    "must be only one value when `operator` is 'In' or 'NotIn' for node field selector";
pub const NOT_A_VALID_FIELD_SELECTOR_KEY: &str = "not a valid field selector key";
pub const AT_LEAST_ONE_TERM: &str = "must have at least one node selector term";
pub const WEIGHT_RANGE: &str = "must be in the range 1-100";

pub const SELECTOR_DOES_NOT_MATCH: &str = "`selector` does not match template `labels`";
pub const EMPTY_SELECTOR_DAEMONSET: &str = "empty selector is invalid for daemonset";
pub const ACTIVE_DEADLINE_DAEMONSET: &str = "activeDeadlineSeconds in DaemonSet is not Supported";
pub const MAX_SURGE_WITH_MAX_UNAVAILABLE: &str = "may not be set when maxUnavailable is non-zero";
pub const MAX_UNAVAILABLE_ZERO: &str = "cannot be 0 when maxSurge is 0";
pub const NOT_MORE_THAN_100_PERCENT: &str = "must not be greater than 100%";
pub const EPHEMERAL_IN_TEMPLATE: &str = "ephemeral containers not allowed in pod template";
pub const EPHEMERAL_ON_CREATE: &str = "cannot be set on create";

pub const TOLERATION_EMPTY_KEY: &str =
    "operator must be Exists when `key` is empty, which means \"match all values and all keys\"";
pub const TOLERATION_SECONDS_EFFECT: &str =
    "effect must be 'NoExecute' when `tolerationSeconds` is set";
pub const TOLERATION_EXISTS_VALUE: &str = "value must be empty when `operator` is 'Exists'";
pub const TAINTS_UNIQUE: &str = "taints must be unique by key and effect pair";

pub const HOST_PORT_MATCH: &str = "must match `containerPort` when `hostNetwork` is true";
pub const MUST_BE_UNIQUE: &str = "must be unique";
pub const MORE_THAN_ONE_VOLUME_TYPE: &str = "may not specify more than 1 volume type";
pub const MUST_SPECIFY_VOLUME_TYPE: &str = "must specify a volume type";
pub const NON_INIT_RESTART_POLICY: &str = "may not be set for non-init containers";
pub const INIT_CONTAINER_NOT_SIDECAR: &str =
    "may not be set for init containers without restartPolicy=Always";
pub const IMAGE_WHITESPACE: &str = "must not have leading or trailing whitespace";
pub const STANDARD_CONTAINER_RESOURCE: &str = "must be a standard resource for containers";
pub const EXTENDED_RESOURCE_NAME: &str = "doesn't follow extended resource name standard";
pub const LIMIT_REQUIRED_NON_OVERCOMMIT: &str =
    "Limit must be set for non overcommitable resources";
pub const ENV_VALUE_FROM_ONE_OF: &str =
    "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
pub const ENV_VALUE_FROM_WITH_VALUE: &str = "may not be specified when `value` is not empty";
pub const ENV_VALUE_FROM_MORE_THAN_ONE: &str =
    "may not have more than one field specified at a time";

/// `must be less than or equal to cpu limit of 1`.
pub fn request_above_limit(resource: &str, limit: &str) -> String {
    format!("must be less than or equal to {resource} limit of {limit}")
}

/// `must be equal to example.com/gpu limit of 1` (resources that cannot be overcommitted).
pub fn request_not_equal_limit(resource: &str, limit: &str) -> String {
    format!("must be equal to {resource} limit of {limit}")
}

// ---------------------------------------------------------------------------------------------
// Go value rendering used in `Invalid value: <value>` (field.Error.ErrorBody: strings `%q`, ints
// and bools `%v`, other values `%#v` or their String()).

/// Go's `strconv.Quote`: a double-quoted string with Go escapes.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() => {
                let code = c as u32;
                if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `%#v` of a `map[string]string`: `map[string]string{"a":"1", "b":"2"}`, keys sorted, or
/// `map[string]string(nil)` for a nil map.
pub fn go_string_map(map: Option<&BTreeMap<String, String>>) -> String {
    match map {
        None => "map[string]string(nil)".to_string(),
        Some(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}:{}", go_quote(k), go_quote(v)))
                .collect();
            format!("map[string]string{{{}}}", entries.join(", "))
        }
    }
}

/// `%#v` of a `[]string`.
pub fn go_string_slice(values: Option<&[String]>) -> String {
    match values {
        None => "[]string(nil)".to_string(),
        Some(values) => {
            let items: Vec<String> = values.iter().map(|v| go_quote(v)).collect();
            format!("[]string{{{}}}", items.join(", "))
        }
    }
}

/// One `metav1.LabelSelectorRequirement` for [`go_label_selector`].
pub struct GoRequirement<'a> {
    pub key: &'a str,
    pub operator: &'a str,
    pub values: Option<&'a [String]>,
}

/// `%#v` of a `metav1.LabelSelector` value, as the API server prints a selector in
/// `spec.selector: Invalid value: …` (the form seen on every release up to at least 1.33):
/// `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
pub fn go_label_selector(
    match_labels: Option<&BTreeMap<String, String>>,
    match_expressions: Option<&[GoRequirement<'_>]>,
) -> String {
    let expressions = match match_expressions {
        None => "[]v1.LabelSelectorRequirement(nil)".to_string(),
        Some(reqs) => {
            let items: Vec<String> = reqs
                .iter()
                .map(|r| {
                    format!(
                        "v1.LabelSelectorRequirement{{Key:{}, Operator:{}, Values:{}}}",
                        go_quote(r.key),
                        go_quote(r.operator),
                        go_string_slice(r.values)
                    )
                })
                .collect();
            format!("[]v1.LabelSelectorRequirement{{{}}}", items.join(", "))
        }
    };
    format!(
        "v1.LabelSelector{{MatchLabels:{}, MatchExpressions:{}}}",
        go_string_map(match_labels),
        expressions
    )
}

/// `%#v` of the internal `apps.DaemonSetUpdateStrategy` in `spec.updateStrategy: Unsupported
/// value: …`. A non-nil `RollingUpdate` pointer prints as an address upstream; a fixed
/// placeholder address keeps the output deterministic.
pub fn go_update_strategy(type_: &str, has_rolling_update: bool) -> String {
    let rolling = if has_rolling_update {
        "(*apps.RollingUpdateDaemonSet)(0xc000000000)"
    } else {
        "(*apps.RollingUpdateDaemonSet)(nil)"
    };
    format!(
        "apps.DaemonSetUpdateStrategy{{Type:{}, RollingUpdate:{}}}",
        go_quote(type_),
        rolling
    )
}

/// One `metav1.OwnerReference` for [`go_owner_references`].
pub struct GoOwnerReference<'a> {
    pub api_version: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub uid: &'a str,
    pub controller: Option<bool>,
    pub block_owner_deletion: Option<bool>,
}

fn go_bool_pointer(value: Option<bool>) -> &'static str {
    match value {
        Some(_) => "(*bool)(0xc000000000)",
        None => "(*bool)(nil)",
    }
}

/// `%#v` of a `[]metav1.OwnerReference` (pointer fields print as a fixed placeholder address).
pub fn go_owner_references(refs: &[GoOwnerReference<'_>]) -> String {
    let items: Vec<String> = refs
        .iter()
        .map(|r| {
            format!(
                "v1.OwnerReference{{APIVersion:{}, Kind:{}, Name:{}, UID:{}, Controller:{}, BlockOwnerDeletion:{}}}",
                go_quote(r.api_version),
                go_quote(r.kind),
                go_quote(r.name),
                go_quote(r.uid),
                go_bool_pointer(r.controller),
                go_bool_pointer(r.block_owner_deletion)
            )
        })
        .collect();
    format!("[]v1.OwnerReference{{{}}}", items.join(", "))
}

/// `ValidateOwnerReferences`: more than one controller.
pub fn only_one_controller(first: &str, second: &str) -> String {
    format!("Only one reference can have Controller set to true. Found \"true\" in references for {first} and {second}")
}

/// `%#v` of the internal `core.Taint` in the duplicate-taint error.
pub fn go_taint(key: &str, value: &str, effect: &str, has_time_added: bool) -> String {
    let time = if has_time_added {
        "(*v1.Time)(0xc000000000)"
    } else {
        "(*v1.Time)(nil)"
    };
    format!(
        "core.Taint{{Key:{}, Value:{}, Effect:{}, TimeAdded:{}}}",
        go_quote(key),
        go_quote(value),
        go_quote(effect),
        time
    )
}

// ---------------------------------------------------------------------------------------------
// Decoding (k8s.io/apimachinery runtime/serializer/json, encoding/json UnmarshalTypeError,
// resource.Quantity, sigs.k8s.io/json strict mode).

/// The API server's message for an unparsable quantity (`resource.ErrFormatWrong`).
pub const QUANTITY_FORMAT: &str = crate::model::quantity::QUANTITY_FORMAT_ERROR;

/// `<Kind> in version "v1" cannot be handled as a <Kind>: <err>`.
pub fn cannot_be_handled(kind: &str, version: &str, err: &str) -> String {
    format!(
        "{kind} in version {} cannot be handled as a {kind}: {err}",
        go_quote(version)
    )
}

/// One strict-decoding field: `unknown field "spec.selector.matchLables"`.
pub fn unknown_field(path: &str) -> String {
    format!("unknown field {}", go_quote(path))
}

pub const STRICT_DECODING_PREFIX: &str = "strict decoding error: ";

/// `strict decoding error: unknown field "a", unknown field "b"`.
pub fn strict_decoding_error(fields: &[String]) -> String {
    let parts: Vec<String> = fields.iter().map(|f| unknown_field(f)).collect();
    format!("{STRICT_DECODING_PREFIX}{}", parts.join(", "))
}

/// encoding/json's `UnmarshalTypeError.Error()` with struct context:
/// `json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32`.
pub fn json_cannot_unmarshal(value: &str, go_struct: &str, field: &str, go_type: &str) -> String {
    if go_struct.is_empty() && field.is_empty() {
        return format!("json: cannot unmarshal {value} into Go value of type {go_type}");
    }
    format!(
        "json: cannot unmarshal {value} into Go struct field {go_struct}.{field} of type {go_type}"
    )
}

// ---------------------------------------------------------------------------------------------
// kubectl's reading of the file (k8s.io/cli-runtime/pkg/resource, kubectl/pkg/validation,
// apimachinery/pkg/util/yaml, sigs.k8s.io/yaml + goyaml.v2).

/// `apply.go`: nothing to apply.
pub const NO_OBJECTS_PASSED: &str = "no objects passed to apply";
/// `YAMLReader.Read`: a `---` line followed by something other than a comment.
pub fn invalid_document_separator(trimmed: &str) -> String {
    format!("invalid Yaml document separator: {trimmed}")
}
/// goyaml.v2's message prefix; `line` is omitted when goyaml computes line 0.
pub fn goyaml_error(line: Option<usize>, problem: &str) -> String {
    match line {
        Some(line) => format!("yaml: line {line}: {problem}"),
        None => format!("yaml: {problem}"),
    }
}
/// goyaml.v2's alias-expansion guard (CVE-2019-11253).
pub const EXCESSIVE_ALIASING: &str = "document contains excessive aliasing";
/// Our nesting cap, in goyaml's words (goyaml's own cap is 10000; ours is lower, see
/// `yaml_doc::MAX_DEPTH`).
pub fn exceeded_max_depth(depth: usize) -> String {
    format!("exceeded max depth of {depth}")
}
pub fn unknown_anchor(name: &str) -> String {
    format!("unknown anchor '{name}' referenced")
}
pub const INVALID_MAP_KEY: &str = "invalid map key";
/// encoding/json refusing a YAML `.nan`/`.inf` while converting YAML to JSON.
pub fn json_unsupported_value(value: &str) -> String {
    format!("json: unsupported value: {value}")
}
pub const ERROR_CONVERTING_YAML_TO_JSON: &str = "error converting YAML to JSON: ";

/// `StreamVisitor`: `error parsing <file>: <err>`.
pub fn error_parsing(filename: &str, message: &str) -> String {
    if message.starts_with("yaml: ") || message.starts_with("json: ") {
        format!("error parsing {filename}: {ERROR_CONVERTING_YAML_TO_JSON}{message}")
    } else {
        format!("error parsing {filename}: {message}")
    }
}

/// Client-side schema checks (`getObjectKind`).
pub const API_VERSION_NOT_SET: &str = "apiVersion not set";
pub const KIND_NOT_SET: &str = "kind not set";
pub const API_VERSION_NOT_STRING: &str = "apiVersion isn't string type";
pub const KIND_NOT_STRING: &str = "kind isn't string type";
pub const INVALID_OBJECT_TO_VALIDATE: &str = "invalid object to validate";
pub fn unexpected_group_version(api_version: &str) -> String {
    format!("unexpected GroupVersion string: {api_version}")
}

/// `ValidateSchema` + `StreamVisitor`:
/// `error validating "<file>": error validating data: <errs>; if you choose to ignore these errors, turn validation off with --validate=false`.
pub fn error_validating(filename: &str, aggregate: &str) -> String {
    format!(
        "error validating {}: error validating data: {aggregate}; if you choose to ignore these errors, turn validation off with --validate=false",
        go_quote(filename)
    )
}

/// `meta.NoKindMatchError` with one searched version.
pub fn no_matches_for_kind(kind: &str, api_version: &str) -> String {
    format!(
        "no matches for kind {} in version {}",
        go_quote(kind),
        go_quote(api_version)
    )
}

/// `mapper.infoForData`: the no-match envelope, including its second line.
pub fn resource_mapping_not_found(
    name: &str,
    namespace: &str,
    filename: &str,
    err: &str,
) -> String {
    format!(
        "resource mapping not found for name: {} namespace: {} from {}: {err}\nensure CRDs are installed first",
        go_quote(name),
        go_quote(namespace),
        go_quote(filename)
    )
}

// ---------------------------------------------------------------------------------------------
// API status errors and kubectl's printing of them (apimachinery/pkg/api/errors,
// kubectl/pkg/cmd/util/helpers.go, kubectl apply's AddSourceToErr).

/// `AddSourceToErr("creating", …)`.
pub fn error_when_creating(filename: &str, message: &str) -> String {
    format!("error when creating {}: {message}", go_quote(filename))
}

/// kubectl apply's GET of an object without a name (`info.Get()` fails before anything is sent):
/// `error when retrieving current configuration of:` + the object's mapping + `resource name may
/// not be empty`. `group` is empty for the core group.
pub fn error_retrieving_nameless(
    group: &str,
    resource: &str,
    kind: &str,
    namespace: &str,
    filename: &str,
) -> String {
    format!(
        "error when retrieving current configuration of:\nResource: {}, GroupVersionKind: {}\nName: \"\", Namespace: {}\nfrom server for: {}: resource name may not be empty",
        go_quote(&format!("{group}/v1, Resource={resource}")),
        go_quote(&format!("{group}/v1, Kind={kind}")),
        go_quote(namespace),
        go_quote(filename)
    )
}

/// `errors.NewInvalid`'s message: `DaemonSet.apps "x" is invalid: <aggregate>`.
pub fn is_invalid_message(qualified_kind: &str, name: &str, aggregate: &str) -> String {
    format!(
        "{qualified_kind} {} is invalid: {aggregate}",
        go_quote(name)
    )
}

/// `checkErr`'s header for an Invalid status: `The DaemonSet "x" is invalid`.
pub fn kubectl_is_invalid(kind: &str, name: &str) -> String {
    format!("The {kind} {} is invalid", go_quote(name))
}

/// `StandardErrorMessage` for a status error.
pub fn error_from_server(reason: &str, message: &str) -> String {
    format!("Error from server ({reason}): {message}")
}

pub const REASON_BAD_REQUEST: &str = "BadRequest";
pub const REASON_INVALID: &str = "Invalid";

/// `utilerrors.Aggregate.Error()`: one message bare, several as `[a, b]`, duplicates dropped.
pub fn aggregate(messages: &[String]) -> String {
    let mut seen: Vec<&String> = Vec::new();
    for m in messages {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    match seen.len() {
        0 => String::new(),
        1 => seen[0].clone(),
        _ => format!(
            "[{}]",
            seen.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// kubectl's prefix for an unrecognised error.
pub const KUBECTL_ERROR_PREFIX: &str = "error: ";

// ---------------------------------------------------------------------------------------------
// The simulator's own limits (not kubectl's words; kubectl has no such cap).

/// Input larger than the cap.
pub fn too_large(bytes: usize, cap: usize) -> String {
    format!(
        "the input is {bytes} bytes; the largest input the playground reads is {cap} bytes (2 MiB)"
    )
}

/// More documents than the cap.
pub fn too_many_documents(documents: usize, cap: usize) -> String {
    format!("the input has {documents} documents; the playground reads at most {cap} documents")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r6_3_regex_error_has_double_space_before_or() {
        assert_eq!(
            regex_error(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, DNS1123_LABEL_EXAMPLES),
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        );
        assert_eq!(
            regex_error(PERCENT_ERR, PERCENT_FMT, PERCENT_EXAMPLES),
            "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
        );
    }

    #[test]
    fn r6_1_go_values_render_like_the_api_server() {
        assert_eq!(go_quote("a\"b\n"), "\"a\\\"b\\n\"");
        let mut labels = BTreeMap::new();
        labels.insert("b".to_string(), "2".to_string());
        labels.insert("a".to_string(), "1".to_string());
        assert_eq!(
            go_string_map(Some(&labels)),
            "map[string]string{\"a\":\"1\", \"b\":\"2\"}"
        );
        assert_eq!(go_string_map(None), "map[string]string(nil)");
        assert_eq!(
            go_label_selector(Some(&labels), None),
            "v1.LabelSelector{MatchLabels:map[string]string{\"a\":\"1\", \"b\":\"2\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}"
        );
        let values = vec!["x".to_string()];
        let reqs = [GoRequirement {
            key: "k",
            operator: "In",
            values: Some(&values),
        }];
        assert_eq!(
            go_label_selector(None, Some(&reqs)),
            "v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"k\", Operator:\"In\", Values:[]string{\"x\"}}}}"
        );
    }

    #[test]
    fn r6_2_aggregates_collapse_duplicates() {
        let one = vec!["a".to_string(), "a".to_string()];
        assert_eq!(aggregate(&one), "a");
        let two = vec!["a".to_string(), "b".to_string(), "a".to_string()];
        assert_eq!(aggregate(&two), "[a, b]");
    }

    #[test]
    fn r6_10_no_match_envelope() {
        assert_eq!(
            resource_mapping_not_found(
                "x",
                "",
                "ds.yaml",
                &no_matches_for_kind("DaemonSet", "extensions/v1beta1")
            ),
            "resource mapping not found for name: \"x\" namespace: \"\" from \"ds.yaml\": no matches for kind \"DaemonSet\" in version \"extensions/v1beta1\"\nensure CRDs are installed first"
        );
    }
}
