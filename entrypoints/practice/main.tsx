import { render } from 'preact';
import '@/components/pages/page.css';
import './practice.css';
import { PracticeApp } from '@/components/practice/practice-app';

document.documentElement.lang = 'en';
const root = document.getElementById('app');
if (root) render(<PracticeApp />, root);
