"""Safety check-ins for key persons: wellbeing rounds (`wellbeing`), the visit timer with
its safety question (`visits`), and the duress word (`duress`)."""
