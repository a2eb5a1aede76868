//! A chart of assessment results over time, as a self-contained SVG.
