//! User journeys on the built page (issue 3, item 11): the default scenario, pasting a
//! DaemonSet with a nodeSelector, adding a node, NoSchedule vs NoExecute taints, invalid YAML,
//! switching to Korean; plus screenshots at phone and projector widths. Every journey waits for
//! DOM state (`data-settled`, pod chips), never for the wall clock, and ends with no page errors.

use crate::harness::{open_page, Options, Page, CLUSTER, EDITOR};

const POD: &str = r#"[data-testid="pod"]"#;

/// `node=phase/ready` for every pod chip, sorted: what the diagram shows.
async fn chips(page: &Page) -> Vec<String> {
    let value = page
        .eval(
            r#"return [...document.querySelectorAll('[data-testid="pod"]')]
                .map(e => `${e.dataset.node}=${e.dataset.phase}/${e.dataset.ready}`).sort();"#,
        )
        .await;
    serde_json::from_value(value).expect("a list of strings")
}

/// A screenshot of the top of the page (clicks may have scrolled it).
async fn shot(page: &Page, name: &str) {
    page.eval("window.scrollTo(0, 0); return true;").await;
    page.screenshot(name).await;
}

async fn select_node(page: &Page, node: &str) {
    page.click(&format!(r#"[data-node="{node}"] [data-testid="node-box"]"#))
        .await;
    page.wait_for(&format!(
        r#"[data-testid="node-panel"][data-panel-node="{node}"]"#
    ))
    .await;
}

/// Replaces the value of an input (as a user selecting all and typing) and fires `input`.
async fn fill(page: &Page, css: &str, value: &str) {
    let el = page.wait_for(css).await;
    let el = serde_json::to_value(&el).expect("an element serialises");
    page.eval_with(
        "const el = arguments[0]; el.focus(); el.value = arguments[1]; \
         el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));",
        vec![el, serde_json::Value::String(value.to_owned())],
    )
    .await;
}

/// Chooses an option of a `<select>` and fires `change`.
async fn choose(page: &Page, css: &str, value: &str) {
    let el = page.wait_for(css).await;
    let el = serde_json::to_value(&el).expect("an element serialises");
    page.eval_with(
        "const el = arguments[0]; el.value = arguments[1]; \
         el.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![el, serde_json::Value::String(value.to_owned())],
    )
    .await;
}

const WORKERS_READY: [&str; 4] = [
    "node-1=Running/true",
    "node-2=Running/true",
    "node-3=Running/true",
    "node-4=Running/true",
];

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn default_scenario_runs_a_pod_on_every_worker_and_none_on_the_control_plane() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    assert_eq!(chips(&page).await, WORKERS_READY);
    assert_eq!(
        page.count(r#"[data-node="control-plane"] [data-testid="pod"]"#)
            .await,
        0
    );
    // Each chip names its DaemonSet and sits inside its node's element.
    for node in ["node-1", "node-2", "node-3", "node-4"] {
        let css = format!(r#"[data-node="{node}"] {POD}[data-node="{node}"]"#);
        assert_eq!(
            page.attr(&css, "data-daemonset").await.as_deref(),
            Some("default/monitoring-daemon")
        );
    }
    // The reason is already on screen: the control plane is selected for the card.
    let reason = page.text(r#"[data-testid="reason"]"#).await;
    assert_eq!(
        reason,
        "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
    );
    shot(&page, "journey-default").await;
    page.finish().await;
}

const SSD_CLUSTER: &str = "apiVersion: v1
kind: Node
metadata:
  name: fast-1
  labels:
    disktype: ssd
---
apiVersion: v1
kind: Node
metadata:
  name: slow-1
  labels:
    disktype: hdd
---
apiVersion: v1
kind: Node
metadata:
  name: fast-2
  labels:
    disktype: ssd
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: main
        image: busybox
";

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn pasting_a_daemon_set_with_a_node_selector_puts_pods_only_on_matching_nodes() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    page.set_editor_text(SSD_CLUSTER).await;
    page.click(r#"[data-testid="apply"]"#).await;
    page.wait_until(
        "the pasted nodes replace the default cluster",
        r#"return document.querySelectorAll('[data-node]:not([data-testid="pod"])').length === 3;"#,
    )
    .await;
    page.wait_settled().await;
    assert_eq!(
        chips(&page).await,
        ["fast-1=Running/true", "fast-2=Running/true"]
    );
    assert_eq!(
        page.count(r#"[data-node="slow-1"] [data-testid="pod"]"#)
            .await,
        0
    );
    shot(&page, "journey-node-selector").await;
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn adding_a_node_makes_a_pod_appear_on_it() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    page.click(r#"[data-testid="add-node"]"#).await;
    fill(&page, r#"[data-testid="node-name"]"#, "node-9").await;
    page.click(r#"[data-testid="create-node"]"#).await;
    page.wait_for(r#"[data-node="node-9"] [data-testid="pod"]"#)
        .await;
    page.wait_settled().await;
    assert_eq!(
        page.attr(r#"[data-node="node-9"] [data-testid="pod"]"#, "data-ready")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(chips(&page).await.len(), 5);
    shot(&page, "journey-add-node").await;
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn no_schedule_taint_keeps_the_pod_as_misscheduled_and_no_execute_removes_it() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    select_node(&page, "node-1").await;
    fill(&page, r#"[data-testid="taint-key"]"#, "dedicated").await;
    fill(&page, r#"[data-testid="taint-value"]"#, "gpu").await;
    choose(&page, r#"[data-testid="taint-effect"]"#, "NoSchedule").await;
    page.click(r#"[data-testid="add-taint"]"#).await;
    page.wait_for(r#"[data-testid="misscheduled"]"#).await;
    page.wait_settled().await;
    // The pod keeps running and is counted as misscheduled.
    assert_eq!(chips(&page).await, WORKERS_READY);
    assert_eq!(
        page.text(r#"[data-testid="misscheduled"]"#).await,
        "⚠ misscheduled 1"
    );
    shot(&page, "journey-no-schedule").await;

    choose(&page, r#"[data-testid="taint-effect"]"#, "NoExecute").await;
    fill(&page, r#"[data-testid="taint-key"]"#, "dedicated").await;
    fill(&page, r#"[data-testid="taint-value"]"#, "gpu").await;
    page.click(r#"[data-testid="add-taint"]"#).await;
    page.wait_for_absent(r#"[data-node="node-1"] [data-testid="pod"]"#)
        .await;
    page.wait_settled().await;
    assert_eq!(chips(&page).await, &WORKERS_READY[1..]);
    shot(&page, "journey-no-execute").await;
    page.finish().await;
}

const BROKEN: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: my-daemonset
spec:
  selector:
    matchLables:
      app: my-app
  template:
    metadata:
      labels:
        app: my-app
    spec:
      containers:
      - name: nginx
        image: nginx
";

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn invalid_yaml_shows_the_error_at_its_line_and_keeps_the_previous_diagram() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    page.set_editor_text(BROKEN).await;
    page.wait_for(r#"[data-testid="diagnostic"]"#).await;
    assert_eq!(
        page.attr(r#"[data-testid="diagnostic"]"#, "data-line")
            .await
            .as_deref(),
        Some("7")
    );
    assert!(page
        .text(r#"[data-testid="diagnostic"]"#)
        .await
        .contains("unknown field \"spec.selector.matchLables\""));
    // Nothing was applied: the default cluster and its pods stay.
    page.wait_settled().await;
    assert_eq!(chips(&page).await, WORKERS_READY);

    // Plain YAML syntax errors are reported at their line too.
    page.set_editor_text("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: [oops\n")
        .await;
    page.wait_until(
        "a syntax error at line 4",
        r#"return [...document.querySelectorAll('[data-testid="diagnostic"]')].some(e => e.dataset.line === '4' || e.dataset.line === '5');"#,
    )
    .await;
    assert_eq!(chips(&page).await, WORKERS_READY);
    shot(&page, "journey-invalid-yaml").await;
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn switching_to_korean_translates_the_page_and_keeps_api_text_in_english() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    page.click(r#"[data-lang="ko"]"#).await;
    page.wait_until(
        "<html lang=ko>",
        "return document.documentElement.lang === 'ko';",
    )
    .await;
    let apply = page.text(r#"[data-testid="apply"]"#).await;
    assert!(apply.starts_with("적용"), "{apply}");
    // API text stays as a cluster prints it, with a Korean explanation beside it.
    assert_eq!(
        page.text(r#"[data-testid="reason"]"#).await,
        "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"
    );
    let card = page.text(r#"[data-testid="eligibility"]"#).await;
    assert!(card.contains("톨러레이션"), "{card}");
    shot(&page, "journey-korean").await;
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn the_language_follows_the_browser() {
    let page = Page::launch(Options {
        lang: "ko-KR",
        ..Options::default()
    })
    .await;
    page.goto("").await;
    page.wait_for(CLUSTER).await;
    page.wait_until(
        "<html lang=ko>",
        "return document.documentElement.lang === 'ko';",
    )
    .await;
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn the_editor_text_survives_a_reload() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    page.set_editor_text(SSD_CLUSTER).await;
    page.wait_settled().await;
    page.goto("?lang=en").await;
    page.wait_for(EDITOR).await;
    assert_eq!(page.editor_text().await, SSD_CLUSTER);
    page.wait_settled().await;
    assert_eq!(
        chips(&page).await,
        ["fast-1=Running/true", "fast-2=Running/true"]
    );
    page.finish().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn phone_and_projector_widths() {
    for (name, width, height, theme) in [
        ("phone-360", 360, 780, "light"),
        ("projector-1920", 1920, 1080, "dark"),
    ] {
        let page = Page::launch(Options {
            width,
            height,
            ..Options::default()
        })
        .await;
        page.goto(&format!("?lang=en&theme={theme}")).await;
        page.wait_settled().await;
        assert_eq!(chips(&page).await, WORKERS_READY);
        // Nothing is wider than the window.
        let overflow = page
            .eval("return document.documentElement.scrollWidth - window.innerWidth;")
            .await;
        assert!(
            overflow.as_i64().unwrap_or(0) <= 0,
            "{name}: the page is wider than the window by {overflow}px"
        );
        shot(&page, &format!("journey-{name}")).await;
        page.finish().await;
    }
}

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn changing_the_template_rolls_every_pod_and_settles() {
    let page = open_page("?lang=en").await;
    page.wait_settled().await;
    let before = page
        .eval(r#"return [...document.querySelectorAll('[data-testid="pod"]')].map(e => e.dataset.pod).sort();"#)
        .await;
    let text = page
        .editor_text()
        .await
        .replace("image: nginx", "image: nginx:1.27");
    page.set_editor_text(&text).await;
    page.wait_for(r#"[data-look="terminating"]"#).await;
    page.wait_settled().await;
    assert_eq!(chips(&page).await, WORKERS_READY);
    let after = page
        .eval(r#"return [...document.querySelectorAll('[data-testid="pod"]')].map(e => e.dataset.pod).sort();"#)
        .await;
    let before: Vec<String> = serde_json::from_value(before).expect("names");
    let after: Vec<String> = serde_json::from_value(after).expect("names");
    assert!(
        after.iter().all(|p| !before.contains(p)),
        "every pod was replaced: {before:?} -> {after:?}"
    );
    page.finish().await;
}
