//! Pod validation on create, ported from pkg/apis/core/validation/validation.go
//! (`ValidatePodCreate`, `validatePodMetadataAndSpec`, `validateContainersOnlyForPod`): the pod
//! spec rules with `ResourceIsPod`, plus the checks only pods get.

use super::{meta, pod_spec};
use crate::manifest::field_error::{BadValue, FieldError};
use crate::manifest::field_path::FieldPath;
use crate::manifest::messages as m;
use k8s_openapi::api::core::v1::Pod;

/// `ValidatePodCreate`.
pub(crate) fn pod(pod: &Pod) -> Vec<FieldError> {
    let mut errs = meta::object_meta(&pod.metadata, true, &FieldPath::new("metadata"));
    let spec_path = FieldPath::new("spec");
    let Some(spec) = &pod.spec else {
        return errs;
    };
    errs.extend(pod_spec::pod_spec(
        spec,
        &spec_path,
        pod_spec::Options {
            resource_is_pod: true,
        },
    ));
    for (list, containers) in [
        ("containers", Some(&spec.containers)),
        ("initContainers", spec.init_containers.as_ref()),
    ] {
        for (i, c) in containers.into_iter().flatten().enumerate() {
            let image = c.image.as_deref().unwrap_or("");
            if image.len() != image.trim().len() {
                errs.push(FieldError::invalid(
                    spec_path.child(list).index(i).child("image"),
                    BadValue::Str(image.to_string()),
                    m::IMAGE_WHITESPACE,
                ));
            }
        }
    }
    if spec
        .ephemeral_containers
        .as_ref()
        .is_some_and(|e| !e.is_empty())
    {
        errs.push(FieldError::forbidden(
            spec_path.child("ephemeralContainers"),
            m::EPHEMERAL_ON_CREATE,
        ));
    }
    errs
}
