"""bpoprep: an offline practice coach for BPO job interviews."""

__version__ = "0.1.0"
