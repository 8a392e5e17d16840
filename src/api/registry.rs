//! The registry macro: the one list of the surface's operations becomes the dispatch, the
//! lists and the manifest.

/// Declares the operations of the surface, in order: the dispatch, [`super::OPERATIONS`],
/// [`super::DECLARATIONS`] and (with the `schema` feature) `manifest` all come from this one
/// list. The only place that lists the domains' operations.
macro_rules! registry {
    ($($op:ty),+ $(,)?) => {
        /// Every operation, by name, in declaration order.
        pub const OPERATIONS: &[&str] = &[$(<$op as $crate::api::Operation>::NAME),+];

        /// Every operation's declaration, in order.
        pub const DECLARATIONS: &[$crate::api::Declaration] =
            &[$($crate::api::Declaration::of::<$op>()),+];

        /// Runs the operation `name` with its arguments (JSON text).
        pub(crate) fn dispatch(
            name: &str,
            args: &str,
            context: &mut $crate::api::Context<'_>,
        ) -> $crate::base::error::Result<String> {
            match name {
                $(<$op as $crate::api::Operation>::NAME => $crate::operation::run::<$op>(args, context),)+
                _ => Err($crate::operation::unknown()),
            }
        }

        /// Every operation with the JSON Schema of its arguments and result, in order; the
        /// schemas of the records they use go into `generator`'s definitions.
        #[cfg(feature = "schema")]
        pub fn manifest(
            generator: &mut schemars::SchemaGenerator,
        ) -> Vec<$crate::api::OperationSchema> {
            vec![$($crate::api::OperationSchema::of::<$op>(generator)),+]
        }
    };
}

pub(crate) use registry;
