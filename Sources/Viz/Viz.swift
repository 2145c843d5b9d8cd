/// Viz: a generic plotting layer over Cairo and Pango. It plots numbers and knows nothing of deep learning.
public enum Viz {}
