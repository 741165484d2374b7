"""A softmax (multinomial logistic) regression over sentence embeddings, in numpy.

Transparent on purpose: one weight vector per class over the 384 embedding dimensions, trained by full-batch
gradient descent with an L2 penalty from a zero start, so the same examples always give the same weights.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Defaults chosen by 5-fold cross-validation on our own examples (docs/learned.md), not on gold data.
L2 = 1e-4
STEPS = 800
LEARNING_RATE = 8.0


@dataclass(slots=True)
class SoftmaxClassifier:
    labels: list[str]
    weights: np.ndarray  # (dimension, classes)
    bias: np.ndarray  # (classes,)

    @classmethod
    def train(cls, x: np.ndarray, y: list[str], *, l2: float = L2, steps: int = STEPS,
              learning_rate: float = LEARNING_RATE) -> SoftmaxClassifier:
        labels = sorted(set(y))
        index = {label: i for i, label in enumerate(labels)}
        target = np.zeros((len(y), len(labels)), dtype=np.float64)
        target[np.arange(len(y)), [index[label] for label in y]] = 1.0
        # Classes weigh the same whatever their number of examples.
        sample_weight = 1.0 / target.sum(0)[[index[label] for label in y]]
        sample_weight /= sample_weight.sum()
        xs = x.astype(np.float64)
        w = np.zeros((x.shape[1], len(labels)))
        b = np.zeros(len(labels))
        for _ in range(steps):
            grad = (_softmax(xs @ w + b) - target) * sample_weight[:, None]
            w -= learning_rate * (xs.T @ grad + l2 * w)
            b -= learning_rate * grad.sum(0)
        return cls(labels=labels, weights=w.astype(np.float32), bias=b.astype(np.float32))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return _softmax(x.astype(np.float64) @ self.weights + self.bias)

    def to_dict(self) -> dict:
        return {"labels": self.labels, "bias": [round(float(v), 6) for v in self.bias],
                "weights": [[round(float(v), 6) for v in row] for row in self.weights.T]}

    @classmethod
    def from_dict(cls, data: dict) -> SoftmaxClassifier:
        return cls(labels=list(data["labels"]), weights=np.asarray(data["weights"], dtype=np.float32).T,
                   bias=np.asarray(data["bias"], dtype=np.float32))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
