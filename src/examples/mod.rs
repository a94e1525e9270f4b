//! The built-in examples for the page and the tests: DaemonSet manifests, most of them from the
//! Korean course notes this product grew from (`../seeds/`), plus the default cluster they run on.
//! Every example is a DaemonSet only; the cluster (nodes) is [`DEFAULT_CLUSTER`].
//!
//! Deliberately absent: any logic. The manifests are plain YAML files beside this one, included
//! at compile time, and the tests check that each loads (or, for the broken one, is rejected) the
//! way a cluster would.

/// One built-in example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub id: &'static str,
    pub title_en: &'static str,
    pub title_ko: &'static str,
    pub description_en: &'static str,
    pub description_ko: &'static str,
}

impl Example {
    /// The example's manifest.
    pub fn yaml(&self) -> &'static str {
        yaml(self.id).unwrap_or_default()
    }
}

/// The default cluster: a kubeadm control plane (`control-plane`, tainted
/// `node-role.kubernetes.io/control-plane:NoSchedule`, cpu 2, memory 2Gi, pods 110) and four
/// workers `node-1`…`node-4` (cpu 2, memory 4Gi, pods 110), in that order.
pub const DEFAULT_CLUSTER: &str = include_str!("default-cluster.yaml");

const EXAMPLES: &[Example] = &[
    Example {
        id: "monitoring-daemon",
        title_en: "A monitoring agent on every node",
        title_ko: "모든 노드에 모니터링 에이전트",
        description_en: "The smallest DaemonSet: a selector, matching template labels and one container. The control plane's taint keeps it off the control plane.",
        description_ko: "가장 작은 데몬셋: 셀렉터, 그와 일치하는 템플릿 레이블, 컨테이너 하나. 컨트롤 플레인의 테인트 때문에 컨트롤 플레인에는 파드가 없다.",
    },
    Example {
        id: "liberator",
        title_en: "A system daemon in its own namespace",
        title_ko: "전용 네임스페이스의 시스템 데몬",
        description_en: "Runs in the tkr-system namespace with a service account and resource requests and limits.",
        description_ko: "tkr-system 네임스페이스에서 서비스 어카운트와 리소스 요청·제한을 지정해 실행한다.",
    },
    Example {
        id: "fluentd-elasticsearch",
        title_en: "A log collector that also runs on the control plane",
        title_ko: "컨트롤 플레인에서도 도는 로그 수집기",
        description_en: "The Kubernetes documentation's fluentd example: it tolerates the control-plane taint and mounts the node's log directories.",
        description_ko: "쿠버네티스 문서의 fluentd 예제: 컨트롤 플레인 테인트를 용인하고 노드의 로그 디렉터리를 마운트한다.",
    },
    Example {
        id: "random-refresher",
        title_en: "A toleration for a taint that no longer exists",
        title_ko: "더 이상 없는 테인트에 대한 톨러레이션",
        description_en: "Tolerates the old node-role.kubernetes.io/master taint; today's control planes are tainted node-role.kubernetes.io/control-plane, so it still stays off them.",
        description_ko: "예전 node-role.kubernetes.io/master 테인트를 용인한다. 요즘 컨트롤 플레인의 테인트는 node-role.kubernetes.io/control-plane 이라서 여전히 컨트롤 플레인에는 올라가지 않는다.",
    },
    Example {
        id: "spot-the-mistake",
        title_en: "Spot the mistake",
        title_ko: "틀린 곳 찾기",
        description_en: "From a course note: matchLabels is misspelled and the template sits under the selector. The API server rejects it before it ever validates it.",
        description_ko: "강의 노트에서 가져온 매니페스트: matchLabels 의 철자가 틀렸고 template 이 selector 아래에 들어가 있다. API 서버는 검증 단계에 가기도 전에 거부한다.",
    },
    Example {
        id: "ssd-monitor",
        title_en: "Only on SSD nodes",
        title_ko: "SSD 노드에만",
        description_en: "A nodeSelector on disktype=ssd: no node has the label at first; label one and a pod appears there.",
        description_ko: "disktype=ssd 노드 셀렉터: 처음에는 레이블이 붙은 노드가 없다. 노드에 레이블을 붙이면 그 노드에 파드가 생긴다.",
    },
    Example {
        id: "net-agent",
        title_en: "A network agent on the host network",
        title_ko: "호스트 네트워크의 네트워크 에이전트",
        description_en: "A CNI agent in the style of flannel: host network, system-node-critical priority, and a toleration for every NoSchedule taint, so it also runs on the control plane.",
        description_ko: "flannel 같은 CNI 에이전트: 호스트 네트워크, system-node-critical 우선순위, 모든 NoSchedule 테인트에 대한 톨러레이션이 있어 컨트롤 플레인에서도 실행된다.",
    },
    Example {
        id: "big-cache",
        title_en: "Requests that do not fit",
        title_ko: "노드에 들어가지 않는 요청",
        description_en: "Each pod asks for 3 CPUs and 6Gi of memory; the default nodes have 2 CPUs and at most 4Gi, so every pod stays Pending.",
        description_ko: "파드마다 CPU 3개와 메모리 6Gi 를 요청한다. 기본 노드는 CPU 2개, 메모리 최대 4Gi 라서 모든 파드가 Pending 으로 남는다.",
    },
];

/// The example the page opens with: the course notes' first DaemonSet.
pub const DEFAULT_EXAMPLE: &str = "monitoring-daemon";

/// The default example's manifest. The page keeps only this one in its first-view wasm: the
/// others are read through `app::reader` (in the page, from its reader module).
pub const DEFAULT_EXAMPLE_YAML: &str = include_str!("monitoring-daemon.yaml");

/// The manifest of the example with this id.
pub fn yaml(id: &str) -> Option<&'static str> {
    Some(match id {
        "monitoring-daemon" => DEFAULT_EXAMPLE_YAML,
        "liberator" => include_str!("liberator.yaml"),
        "fluentd-elasticsearch" => include_str!("fluentd-elasticsearch.yaml"),
        "random-refresher" => include_str!("random-refresher.yaml"),
        "spot-the-mistake" => include_str!("my-daemonset-broken.yaml"),
        "ssd-monitor" => include_str!("ssd-monitor.yaml"),
        "net-agent" => include_str!("net-agent.yaml"),
        "big-cache" => include_str!("big-requests.yaml"),
        _ => return None,
    })
}

/// Every built-in example, in the order the page lists them.
pub fn all() -> &'static [Example] {
    EXAMPLES
}

/// The example with this id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = all().iter().map(|e| e.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all().len());
        assert!(find("spot-the-mistake").is_some());
        assert!(all()
            .iter()
            .all(|e| yaml(e.id).is_some_and(|y| !y.is_empty())));
        assert_eq!(
            find(DEFAULT_EXAMPLE).map(Example::yaml),
            Some(DEFAULT_EXAMPLE_YAML)
        );
    }
}
