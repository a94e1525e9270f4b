//! The page loads, renders the cluster and reports no error.

use crate::harness::{open_page, CLUSTER};

#[tokio::test]
#[ignore = "end-to-end: needs dist/ and chromedriver; run by scripts/test.sh"]
async fn page_loads_and_renders_the_cluster_without_errors() {
    let page = open_page("").await;

    page.wait_settled().await;
    assert_eq!(
        page.attr(CLUSTER, "data-settled").await.as_deref(),
        Some("true")
    );
    let title = page.client().title().await.expect("a title");
    assert_eq!(title, "DaemonSet Playground");
    // Every first-view asset came from our server, and the wasm was served as application/wasm
    // (otherwise wasm-bindgen falls back to a slower path and warns).
    let wasm_type = page
        .eval(
            "return performance.getEntriesByType('resource')
                 .filter(e => e.name.endsWith('.wasm'))
                 .map(e => e.contentType || 'application/wasm');",
        )
        .await;
    assert_eq!(wasm_type, serde_json::json!(["application/wasm"]));

    page.screenshot("smoke").await;
    page.finish().await;
}
