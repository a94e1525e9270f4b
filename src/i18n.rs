//! The page's one string catalog, English and Korean, and the language choice.
//!
//! Every UI string is a `Msg`; the `catalog!` table below gives each its English and Korean text
//! side by side, so a missing translation does not compile. Arguments are `{0}`, `{1}` … and
//! both languages use the same ones (a test checks). Deliberately absent: Kubernetes' own API
//! and kubectl wording, which stays in English as a cluster prints it (engine and printers), and
//! any browser access (the UI reads `navigator.language` and passes it to `Lang::from_tag`).

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    /// The language for a browser tag (`ko-KR`, `en-US`, `ko`); `None` when unsupported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language among the browser's preferences, else English.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }
}

macro_rules! catalog {
    ($($id:ident => $en:literal, $ko:literal;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($id,)* }

        impl Msg {
            /// Every message, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            fn en(self) -> &'static str {
                match self { $(Msg::$id => $en,)* }
            }

            fn ko(self) -> &'static str {
                match self { $(Msg::$id => $ko,)* }
            }
        }
    };
}

catalog! {
    // Header and playback
    AppTitle => "DaemonSet Playground", "데몬셋 플레이그라운드";
    Tagline => "Paste a DaemonSet, edit the cluster, watch the pods land.", "데몬셋을 붙여 넣고 클러스터를 바꿔 보며 파드가 놓이는 모습을 보세요.";
    Examples => "Examples", "예제";
    ExamplesPick => "Load an example…", "예제 불러오기…";
    Play => "Play", "재생";
    Pause => "Pause", "일시 정지";
    Step => "Step", "한 단계";
    StepTitle => "Advance the clock to the next thing that happens", "다음 일이 일어나는 시각까지 시계를 진행";
    SettleNow => "Settle", "끝까지";
    SettleNowTitle => "Run until nothing changes any more", "더 바뀌는 것이 없을 때까지 실행";
    SimTime => "t = {0}", "t = {0}";
    StateSettled => "settled", "안정됨";
    StateWorking => "reconciling…", "조정 중…";
    StatePaused => "paused", "일시 정지됨";
    Language => "Language", "언어";
    Theme => "Theme", "테마";
    ThemeSystem => "System theme", "시스템 테마";
    ThemeLight => "Light", "밝게";
    ThemeDark => "Dark", "어둡게";
    ResetCluster => "Reset", "초기화";
    Speed => "Speed", "속도";
    SpeedTitle => "Playback speed: simulated seconds per real second", "재생 속도: 실제 1초 동안 흐르는 시뮬레이션 시간(초)";
    Undo => "Undo", "실행 취소";
    UndoTitle => "Undo the last edit (Ctrl+Z or ⌘+Z)", "마지막 편집 되돌리기 (Ctrl+Z 또는 ⌘+Z)";
    Redo => "Redo", "다시 실행";
    RedoTitle => "Redo the undone edit (Ctrl+Shift+Z or ⌘+Shift+Z)", "되돌린 편집 다시 적용 (Ctrl+Shift+Z 또는 ⌘+Shift+Z)";
    Timeline => "Timeline", "타임라인";
    TimelinePosition => "{0} / {1} · t = {2}", "{0} / {1} · t = {2}";
    TimelinePast => "Viewing an earlier moment: Play replays what followed; an edit from here replaces it.", "이전 시점을 보는 중: 재생하면 이후 기록을 다시 보여 주고, 여기서 편집하면 이후 기록을 대신합니다.";
    ExportScenario => "Export", "내보내기";
    ExportTitle => "Download this session as a scenario file (daemonset-playground run replays it)", "이 세션을 시나리오 파일로 내려받기 (daemonset-playground run으로 재생할 수 있음)";
    ImportScenario => "Import", "가져오기";
    ImportTitle => "Load a scenario file and step through it", "시나리오 파일을 불러와 한 단계씩 진행";
    NextStep => "Next step", "다음 단계";
    ScenarioProgress => "Step {0} of {1}", "{1}단계 중 {0}단계";
    NextStepIs => "Next: {0}", "다음: {0}";
    ResetClusterTitle => "Start again from the default cluster and the editor's manifest", "기본 클러스터와 편집기의 매니페스트로 다시 시작";

    // Editor
    EditorTitle => "Manifest", "매니페스트";
    EditorHint => "Multi-document YAML: DaemonSets, Pods and Nodes. Nodes here define the cluster; without them the diagram's nodes stay.", "여러 문서로 된 YAML: DaemonSet, Pod, Node. 여기에 Node가 있으면 그 노드들이 클러스터가 되고, 없으면 다이어그램의 노드가 그대로 유지됩니다.";
    Apply => "Apply", "적용";
    ApplyTitle => "Apply the manifest (Ctrl+Enter or ⌘+Enter)", "매니페스트 적용 (Ctrl+Enter 또는 ⌘+Enter)";
    LiveApply => "Apply while typing", "입력하면서 적용";
    EditorLabel => "Manifest editor (YAML)", "매니페스트 편집기 (YAML)";
    ErrorsOne => "1 error: nothing was applied; the cluster shown is the last valid one.", "오류 1개: 아무것도 적용하지 않았습니다. 보이는 클러스터는 마지막으로 유효했던 상태입니다.";
    Errors => "{0} errors: nothing was applied; the cluster shown is the last valid one.", "오류 {0}개: 아무것도 적용하지 않았습니다. 보이는 클러스터는 마지막으로 유효했던 상태입니다.";
    LineN => "line {0}", "{0}행";
    NoLine => "no line", "행 정보 없음";
    AppliedOk => "Applied.", "적용했습니다.";
    KubectlSays => "What kubectl would print", "kubectl이 출력할 내용";
    NotApplied => "Edited, not applied yet.", "수정됨, 아직 적용하지 않음.";
    ReaderLoading => "Loading the manifest reader…", "매니페스트 리더를 불러오는 중…";

    // Diagram
    ClusterTitle => "Cluster", "클러스터";
    AddNode => "Add node", "노드 추가";
    RoleControlPlane => "control plane", "컨트롤 플레인";
    RoleWorker => "worker", "워커";
    Cordoned => "cordoned", "스케줄 불가(cordon)";
    NotReady => "NotReady", "NotReady";
    OtherWorkloads => "other pods", "다른 파드";
    NoDaemonSets => "No DaemonSet yet: paste one into the editor or load an example.", "아직 데몬셋이 없습니다. 편집기에 붙여 넣거나 예제를 불러오세요.";
    NoNodes => "No nodes: add one.", "노드가 없습니다. 추가해 보세요.";
    LaneNotHere => "no pod here", "여기엔 파드 없음";
    Why => "why?", "이유";
    Misscheduled => "misscheduled", "잘못 배치됨";
    GroupBy => "Group by", "묶는 기준";
    CompactNote => "{0} nodes: compact view", "노드 {0}개: 간략히 보기";
    NoGroupLabel => "(no label)", "(레이블 없음)";
    Legend => "Legend", "범례";
    PhasePending => "Pending", "Pending(대기)";
    PhaseCreating => "ContainerCreating", "ContainerCreating(생성 중)";
    PhaseRunning => "Running", "Running(실행 중)";
    PhaseReady => "Ready", "Ready(준비됨)";
    PhaseTerminating => "Terminating", "Terminating(종료 중)";
    PhaseFailed => "Failed", "Failed(실패)";
    PhaseSucceeded => "Succeeded", "Succeeded(완료)";
    DsStatus => "desired {0} · current {1} · ready {2} · up-to-date {3} · available {4}", "희망 {0} · 현재 {1} · 준비 {2} · 최신 {3} · 가용 {4}";
    DsMisscheduled => "misscheduled {0}", "잘못 배치 {0}";
    PodTitle => "{0} on {1}: {2}", "{1}의 {0}: {2}";
    SelectNodeTitle => "Select node {0}", "노드 {0} 선택";

    // Add node form
    AddNodeTitle => "Add a node", "노드 추가";
    KindWorker => "Worker", "워커";
    KindControlPlane => "Control plane", "컨트롤 플레인";
    KindCustom => "Custom", "직접 지정";
    KindHint => "Control plane nodes get kubeadm's role label and NoSchedule taint.", "컨트롤 플레인 노드에는 kubeadm처럼 역할 레이블과 NoSchedule 테인트가 붙습니다.";
    NodeName => "Name", "이름";
    LabelsField => "Labels (key=value, one per line)", "레이블 (key=value, 한 줄에 하나)";
    TaintsField => "Taints (key=value:Effect, one per line)", "테인트 (key=value:Effect, 한 줄에 하나)";
    Cpu => "CPU", "CPU";
    Memory => "Memory", "메모리";
    PodsCap => "Pods", "파드 수";
    Create => "Create", "만들기";
    Cancel => "Cancel", "취소";
    EmptyMeansNoLimit => "Leave empty for no limit.", "비워 두면 제한이 없습니다.";

    // Node panel
    NodePanelTitle => "Node {0}", "노드 {0}";
    RemoveNode => "Remove node", "노드 삭제";
    Cordon => "Cordon", "Cordon";
    Uncordon => "Uncordon", "Uncordon";
    Labels => "Labels", "레이블";
    Taints => "Taints", "테인트";
    NoLabels => "No labels.", "레이블 없음.";
    NoTaintsShort => "No taints.", "테인트 없음.";
    Key => "Key", "키";
    Value => "Value", "값";
    Effect => "Effect", "효과";
    AddLabel => "Set label", "레이블 설정";
    AddTaint => "Add taint", "테인트 추가";
    Remove => "Remove", "삭제";
    RemoveItem => "Remove {0}", "{0} 삭제";
    Conditions => "Conditions", "상태 조건";
    Allocatable => "Allocatable", "할당 가능 자원";
    SetAllocatable => "Set", "설정";
    NoLimit => "no limit", "제한 없음";
    Resources => "Resources (requested / allocatable)", "자원 (요청 / 할당 가능)";
    SelectANode => "Select a node in the diagram to edit it and to see, check by check, why each DaemonSet does or does not run there.", "다이어그램에서 노드를 선택하면 노드를 편집하고, 각 데몬셋이 그 노드에서 실행되는지 여부와 이유를 항목별로 볼 수 있습니다.";

    // Eligibility card
    CardTitle => "Why (not) here?", "왜 여기에 있을까(없을까)?";
    CardDaemonSet => "DaemonSet", "데몬셋";
    SecNodeName => "nodeName", "nodeName";
    SecSelector => "Node selector and affinity", "노드 셀렉터와 어피니티";
    SecTaints => "Taints and tolerations", "테인트와 톨러레이션";
    SecNode => "Node state", "노드 상태";
    SecFit => "Scheduler fit", "스케줄러 적합성";
    SecDecision => "Decision", "결정";
    ExNodeNameMatch => "The template pins spec.nodeName to this node.", "템플릿의 spec.nodeName이 이 노드를 가리킵니다.";
    ExNodeNameMismatch => "The template pins spec.nodeName to {0}, not this node.", "템플릿의 spec.nodeName이 이 노드가 아닌 {0}을(를) 가리킵니다.";
    ExNoSelector => "No nodeSelector and no required node affinity: every node matches.", "nodeSelector도 필수 노드 어피니티도 없으므로 모든 노드가 해당됩니다.";
    ExSelectorMatch => "The node has this label.", "노드에 이 레이블이 있습니다.";
    ExSelectorMissing => "The node has no label {0}.", "노드에 {0} 레이블이 없습니다.";
    ExSelectorWrong => "The node's value is {0}.", "노드의 값은 {0}입니다.";
    ExTermMatch => "Term {0} matches: one matching term is enough (terms are ORed).", "조건 {0}이(가) 맞습니다. 조건들은 OR이라 하나만 맞으면 됩니다.";
    ExTermNoMatch => "Term {0} does not match: every expression in a term must match.", "조건 {0}이(가) 맞지 않습니다. 한 조건 안의 식은 모두 맞아야 합니다.";
    ExTermEmpty => "Term {0} is empty and matches no node.", "조건 {0}은(는) 비어 있어 어떤 노드와도 맞지 않습니다.";
    ExReqMatch => "Matches (node: {0}).", "맞음 (노드: {0}).";
    ExReqNoMatch => "Does not match (node: {0}).", "맞지 않음 (노드: {0}).";
    ExNoValue => "no such label", "레이블 없음";
    ExNoTaints => "The node has no taints.", "노드에 테인트가 없습니다.";
    ExTaintTolerated => "Tolerated by the template's {0}.", "템플릿의 톨러레이션 {0}이(가) 허용합니다.";
    ExTaintAutomatic => "Tolerated by {0}, which the DaemonSet controller adds to every daemon pod automatically.", "데몬셋 컨트롤러가 모든 데몬 파드에 자동으로 추가하는 {0}이(가) 허용합니다.";
    ExTaintNoSchedule => "No toleration covers it: no new pod is placed here, but a pod already running stays.", "이를 허용하는 톨러레이션이 없습니다. 새 파드는 놓이지 않지만 이미 실행 중인 파드는 남습니다.";
    ExTaintNoExecute => "No toleration covers it: no pod is placed here and a running one is evicted.", "이를 허용하는 톨러레이션이 없습니다. 파드가 놓이지 않고 실행 중인 파드도 축출됩니다.";
    ExTaintPrefer => "PreferNoSchedule never keeps a DaemonSet pod away.", "PreferNoSchedule은 데몬셋 파드를 막지 않습니다.";
    Automatic => "automatic", "자동";
    ExNotCordoned => "Not cordoned.", "cordon 되지 않았습니다.";
    ExCordoned => "Cordoned, but daemon pods tolerate node.kubernetes.io/unschedulable automatically, so they still run.", "cordon 되었지만 데몬 파드는 node.kubernetes.io/unschedulable을 자동으로 허용하므로 계속 실행됩니다.";
    ExReady => "The node is Ready.", "노드가 Ready 상태입니다.";
    ExNotReady => "The node is not Ready: the node controller adds the node.kubernetes.io/not-ready (or unreachable) taints listed above. Daemon pods tolerate their NoExecute form automatically, so running pods stay; the NoSchedule form keeps new ones away.", "노드가 Ready가 아닙니다. 노드 컨트롤러가 위에 보이는 node.kubernetes.io/not-ready(또는 unreachable) 테인트를 붙입니다. 데몬 파드는 NoExecute 테인트를 자동으로 허용하므로 실행 중인 파드는 남지만, NoSchedule 테인트 때문에 새 파드는 놓이지 않습니다.";
    ExResourcesFit => "The pod's requests fit in what is left on the node.", "파드의 요청량이 노드에 남은 자원 안에 들어갑니다.";
    ExNoRequests => "The pod requests no resources.", "파드가 요청하는 자원이 없습니다.";
    ExResourcesNoFit => "The scheduler cannot place the pod ({0}): it stays Pending.", "스케줄러가 파드를 놓을 수 없어({0}) Pending 상태로 남습니다.";
    ExPortsFree => "The host ports are free on this node.", "이 노드에서 호스트 포트가 비어 있습니다.";
    ExPortsTaken => "Another pod holds these host ports ({0}): the pod stays Pending.", "다른 파드가 이 호스트 포트를 쓰고 있어({0}) 파드가 Pending 상태로 남습니다.";
    VerdictRuns => "A daemon pod runs here.", "여기에서 데몬 파드가 실행됩니다.";
    VerdictUnschedulable => "The DaemonSet wants a pod here, but the scheduler cannot place it.", "데몬셋은 여기에 파드를 두려 하지만 스케줄러가 놓을 수 없습니다.";
    VerdictKeeps => "No new pod would be placed here, but the pod already running stays (counted as misscheduled).", "새 파드는 놓이지 않지만 이미 실행 중인 파드는 남습니다(잘못 배치로 집계).";
    VerdictNotHere => "No daemon pod here.", "여기에는 데몬 파드가 없습니다.";
    PodOnNode => "Pod", "파드";
    ReasonLine => "Reason", "이유";

    // Inspector
    TabNode => "Node", "노드";
    TabKubectl => "kubectl", "kubectl";
    TabEvents => "Events", "이벤트";
    EventsEmpty => "No events yet.", "아직 이벤트가 없습니다.";
    TerminalLabel => "Run a kubectl command on the simulated cluster", "시뮬레이션 클러스터에서 kubectl 명령 실행";
    TerminalPlaceholder => "e.g. kubectl describe ds monitoring-daemon", "예: kubectl describe ds monitoring-daemon";
    TerminalRun => "Run", "실행";
    TerminalClear => "Clear", "지우기";
    TerminalHint => "get, describe, rollout status/history/undo, label, taint, cordon, drain, delete, set image… Commands that change the cluster can be undone.", "get, describe, rollout status/history/undo, label, taint, cordon, drain, delete, set image… 클러스터를 바꾸는 명령은 되돌릴 수 있습니다.";

    // Time: pods, rollouts
    DaemonPods => "Daemon pods on this node", "이 노드의 데몬 파드";
    NoDaemonPods => "No daemon pods on this node.", "이 노드에는 데몬 파드가 없습니다.";
    FailPod => "Make it fail", "실패시키기";
    FailPodTitle => "Its container exits with an error: the pod turns Failed and the DaemonSet replaces it after a back-off", "컨테이너가 오류로 종료됩니다. 파드는 Failed가 되고 데몬셋이 백오프 후 새 파드로 바꿉니다";
    EvictIn => "evict in {0}s", "{0}초 후 축출";
    EvictInTitle => "tolerationSeconds: the taint eviction controller deletes this pod in {0} s", "tolerationSeconds: 테인트 축출 컨트롤러가 {0}초 후 이 파드를 삭제합니다";
    RevisionOld => "old", "이전";
    RevisionNew => "new", "새";
    RevisionTitle => "controller-revision-hash {0}", "controller-revision-hash {0}";
    Budget => "unavailable {0}/{1} · surge {2}/{3}", "사용 불가 {0}/{1} · 서지 {2}/{3}";
    BudgetTitle => "RollingUpdate budget in use: unavailable nodes against maxUnavailable, nodes with an extra new pod against maxSurge", "사용 중인 롤링 업데이트 예산: maxUnavailable 대비 사용 불가 노드, maxSurge 대비 새 파드가 하나 더 있는 노드";
    RollingOut => "rolling out", "롤아웃 중";
    BudgetIdle => "maxUnavailable {0} · maxSurge {1}", "maxUnavailable {0} · maxSurge {1}";

    // Failure
    PanicBanner => "Something went wrong and the page stopped. Your manifest is saved: reload to continue.", "문제가 생겨 페이지가 멈췄습니다. 매니페스트는 저장되어 있으니 새로 고침하면 이어서 할 수 있습니다.";
    Reload => "Reload", "새로 고침";
    Dismiss => "Dismiss", "닫기";
}

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => msg.en(),
        Lang::Ko => msg.ko(),
    }
}

/// The text of `msg` in `lang` with `{0}`, `{1}` … replaced by `args`.
pub fn trf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut out = tr(lang, msg).to_string();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<usize> {
        let mut found: Vec<usize> = (0..10)
            .filter(|i| text.contains(&format!("{{{i}}}")))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_message_is_translated_with_the_same_arguments() {
        for &msg in Msg::ALL {
            let (en, ko) = (tr(Lang::En, msg), tr(Lang::Ko, msg));
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert!(!ko.trim().is_empty(), "{msg:?} has no Korean text");
            assert_eq!(
                placeholders(en),
                placeholders(ko),
                "{msg:?}: English and Korean take different arguments"
            );
        }
    }

    #[test]
    fn korean_text_is_korean_where_it_is_prose() {
        // Prose messages (with spaces and letters) should contain Hangul in Korean.
        let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let untranslated: Vec<Msg> = Msg::ALL
            .iter()
            .copied()
            .filter(|&m| {
                let en = tr(Lang::En, m);
                en.split_whitespace()
                    .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                    .count()
                    >= 3
                    && !hangul(tr(Lang::Ko, m))
            })
            .collect();
        assert!(untranslated.is_empty(), "not in Korean: {untranslated:?}");
    }

    #[test]
    fn language_follows_the_browser_tag() {
        assert_eq!(Lang::from_tag("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("ko"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_preferences(["fr", "ko-KR", "en"]), Lang::Ko);
        assert_eq!(Lang::from_preferences(["de"]), Lang::En);
    }

    #[test]
    fn arguments_are_substituted() {
        assert_eq!(trf(Lang::En, Msg::LineN, &["12"]), "line 12");
        assert_eq!(trf(Lang::Ko, Msg::LineN, &["12"]), "12행");
    }
}
